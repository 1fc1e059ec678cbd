#!/usr/bin/env python3
"""seeds.py OUT: write the seed corpora of the fuzz targets into OUT/<target>/.

Seeds come from the bundled sample (data/sample), the case tables
(tests/cases/*.tsv), our dictionaries and event patterns (data/dict,
data/verbs), and small TABARI and PETRARCH/Phoenix samples written here.
fuzz_load and fuzz_runfolder seeds start with the byte that picks the file:
KEEP IN SYNC with kinds[] in fuzz_load.c and files[] in fuzz_runfolder.c.
"""
import glob, hashlib, json, os, sys

out = sys.argv[1]

def put(target, data):
    if isinstance(data, str):
        data = data.encode()
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, hashlib.sha1(data).hexdigest()[:16]), 'wb') as f:
        f.write(data)

def read(p):
    with open(p, 'rb') as f:
        return f.read()

def unescape(s):
    return s.replace('\\n', '\n').replace('\\t', '\t').replace('\\\\', '\\')

articles = [read(p) for p in sorted(glob.glob('data/sample/*.txt'))]
jsonl = read('data/sample/sample.jsonl')
texts = []                                 # sentences and passages of the case tables
for p in sorted(glob.glob('tests/cases/*.tsv')):
    for line in open(p, encoding='utf-8'):
        f = line.rstrip('\n').split('\t')
        if len(f) >= 2 and not f[0].startswith('#'):
            texts.append(unescape(f[1]))

# fuzz_read: articles as text and as JSON Lines, one record a seed too.
for a in articles:
    put('fuzz_read', a)
put('fuzz_read', jsonl)
for line in jsonl.splitlines():
    put('fuzz_read', line + b'\n')
for t in texts[::3]:
    put('fuzz_read', t)
put('fuzz_read', b'{"id":"t1","text":"Truncated article')
put('fuzz_read', b'Talks \xff\xfe resumed\x00 in Cairo.\r\nThey went \xc3( on.\n')

# fuzz_pipeline: articles and every table passage (dated and not).
for a in articles:
    put('fuzz_pipeline', a)
for line in jsonl.splitlines():
    rec = json.loads(line)
    put('fuzz_pipeline', rec.get('text') or rec.get('body') or '')
for t in texts:
    put('fuzz_pipeline', t)

# fuzz_load: one byte for the loader, then the file.
K_META, K_OURS, K_GAZ, K_TAB_ACT, K_PETR_ACT, K_PETR_AGT, K_TAB_AGT, K_VERBS, K_CAMEO = range(9)
def load(kind, data):
    put('fuzz_load', bytes([kind]) + (data if isinstance(data, bytes) else data.encode()))
load(K_META, read('data/sample/manifest.jsonl'))
load(K_META, b'{"file":"m1.txt","id":"M1","date":"2024-02-15","outlet":"Wire","translated":true}\n{broken\n{"id":"a1","outlet":"Other"}\n')
for p in sorted(glob.glob('data/dict/*.txt')):
    lines = read(p).splitlines(keepends=True)
    for i in range(0, len(lines), 150):    # small seeds run fast
        load(K_OURS, b''.join(lines[i:i + 150]))
load(K_GAZ, b''.join(read('data/dict/places.tsv').splitlines(keepends=True)[:60]) if os.path.exists('data/dict/places.tsv') else b'')
tabari = ("# TABARI-style sample written for fuzzing\nFREEDONIA_  [FRD]\nRUFUS_T_FIREFLY_\n"
          "\t[FRDELI 300101-330630]\n\t[FRDGOV 330701-331131]\n\t[FRDELI]\n"
          "AMBASSADOR_TRENTINO [SYLGOV <350101] [SYLELI]\nFREEDONIA_WAR_COLLEGE_ [###]\n"
          "GRAND_FENWICK_ [GFK >19550101]\nBAD_CODE_ [A/B]\n")
petr = ("<!-- PETRARCH-style sample written for fuzzing -->\nFREEDONIA_  [FRD]\n+FREEDONIAN\n"
        "+MARXVILLE_   # the capital\nRUFUS_FIREFLY_\n+PRESIDENT_FIREFLY\n"
        "\t[FRDGOV 19330101-19331231]\n\t[FRDELI]\nTRENTINO_\nAMBASSADOR_TRENTINO\n"
        "\t[SYLGOV 19330101-19331231]\nSYLVANIA_LEAGUE [SYL]\n\nCHICOLINI_\n\t[SYLREB]\n")
agents = ("!PERSON! = MAN, WOMAN\nENVOY [~GOV]\nPOLICE {} [~COP]\n"
          "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]\nFISHER!PERSON! [~AGR]\n"
          "RIGHTS_BODY [NGO~]\nNO_CODE_HERE\n")
load(K_TAB_ACT, tabari)
load(K_PETR_ACT, petr)
load(K_PETR_AGT, agents)
load(K_TAB_AGT, agents)
for p in sorted(glob.glob('data/verbs/[0-9]*.txt')):
    load(K_VERBS, read(p))
load(K_CAMEO, read('data/verbs/cameo.tsv'))

# fuzz_runfolder: each file of the fixture run folder, for each export format.
run_files = ['articles.jsonl', 'counts.jsonl', 'entities.jsonl', 'events.jsonl', 'mentions.tsv',
             'quotes.jsonl', 'stories.jsonl', 'comparisons.jsonl']
for i, name in enumerate(run_files):
    p = os.path.join('tests/fixtures/run', name)
    data = read(p) if os.path.exists(p) else b''
    for fmt in range(4):
        put('fuzz_runfolder', bytes([i + len(run_files) * fmt]) + data)
