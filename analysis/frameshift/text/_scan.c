/* The tokenizer's scan in C: the same tokens as the regular expression ``_scan`` of
 * frameshift/text/tokenizer.py, looked up in its surface vocabulary as they are found.
 *
 * Optional: when this extension is not built (no C compiler), tokenizer.py runs the regular
 * expression instead. tests/test_text_equivalence.py checks that both give the same tokens, on
 * every Basic Multilingual Plane character and on random texts.
 *
 * The character classes are those of Python's ``re`` for a str pattern (Modules/_sre: \w is
 * Py_UNICODE_ISALNUM or '_', \d is Py_UNICODE_ISDECIMAL, \s is Py_UNICODE_ISSPACE), plus the
 * extra word characters (combining marks, invisible joiners), joiners, Armenian marks and
 * sentence ends, which tokenizer.py passes to configure() so that they are written once.
 *
 * Tokens, tried in this order at every position (as the alternation of the pattern):
 *   word      W+ ( (JOIN | ',' between decimal digits) W+  |  ARM W* )*
 *             (a '.' is no JOIN after two lower-case letters and before a capital or a
 *             digit, not after "www": DOT_SPLITS, tokenizer.py's _DOT_JOIN)
 *   boundary  END+
 *   colon     ':' after an Armenian letter (and a closing quote or bracket) + one whitespace
 *   paragraph '\n' [ \t\r\u00a0]* '\n'
 *   line      [ \t\r\u00a0]* '\n' after a cased letter and before [ \t\u00a0]*, an optional
 *             opening quote or bracket and a capital of the same script (LINE_BLOCK; a
 *             heading line, tokenizer.py's _LINE_END)
 *   junk      one character that is not \s, \w or END
 *   space-dot one \s character other than '\n' directly before '.'
 * Anything else (whitespace) is skipped.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

enum { C_W = 1, C_JOIN = 2, C_ARM = 4, C_END = 8, C_SPACE = 16, C_DEC = 32, C_LOWER = 64,
       C_UPPER = 128 };

static unsigned char cls[65536];
static int configured = 0;

static inline unsigned char klass(Py_UCS4 c)
{
    if (c < 65536)
        return cls[c];
    unsigned char k = 0;
    if (Py_UNICODE_ISALNUM(c))
        k |= C_W;
    if (Py_UNICODE_ISSPACE(c))
        k |= C_SPACE;
    if (Py_UNICODE_ISDECIMAL(c))
        k |= C_DEC;
    return k;
}

/* The Armenian colon full stop (tokenizer.py's _ARM_COLON): ':' after an Armenian letter, or
 * after one and a closing quote or bracket, and before whitespace; the token is the colon and
 * that whitespace character. */
static inline int armenian_letter(Py_UCS4 c)
{
    return (c >= 0x0531 && c <= 0x0556) || (c >= 0x0561 && c <= 0x0587);
}
static inline int closer(Py_UCS4 c) { return c == 0xBB || c == 0x201D || c == '"' || c == ')'; }
/* tokenizer.py's _DOT_JOIN (issue 16): the '.' at s[j] does not join when it follows two
 * lower-case letters (not "www") and precedes a capital or a digit: regione.Ob, Lavrov.18 */
#define DOT_SPLITS(s, j, n)                                                                  \
    ((s)[j] == '.' && (j) >= 2 && (klass((s)[(j) - 1]) & C_LOWER)                            \
     && (klass((s)[(j) - 2]) & C_LOWER) && (j) + 1 < (n)                                     \
     && (klass((s)[(j) + 1]) & (C_UPPER | C_DEC))                                            \
     && !((j) >= 3 && (s)[(j) - 1] == 'w' && (s)[(j) - 2] == 'w' && (s)[(j) - 3] == 'w'))

/* tokenizer.py's _BLOCKS: the script of a cased letter (1 Latin, 2 Greek, 3 Cyrillic,
 * 4 Armenian), 0 for any other character. */
static inline int line_block(Py_UCS4 c)
{
    if (!(klass(c) & (C_LOWER | C_UPPER)))
        return 0;
    return c < 0x0370 ? 1 : c < 0x0400 ? 2 : c < 0x0530 ? 3 : 4;
}
static inline int opener(Py_UCS4 c)
{
    return c == 0xAB || c == 0x201C || c == 0x201E || c == '"' || c == '(';
}
static inline int line_space(Py_UCS4 c) { return c == ' ' || c == '\t' || c == 0xA0; }

static inline int arm_colon_space(Py_UCS4 c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xA0;
}

/* Mark every character of ``s`` with ``bit``; "a-b" (a '-' between two characters) is a range
 * when ``ranges`` is true, as in a regular-expression character class. */
static int mark_chars(PyObject *s, unsigned char bit, int ranges)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 a = PyUnicode_READ(kind, data, i), b = a;
        if (ranges && i + 2 < n && PyUnicode_READ(kind, data, i + 1) == '-') {
            b = PyUnicode_READ(kind, data, i + 2);
            i += 2;
        }
        if (a > b || b > 0xFFFF) {
            PyErr_SetString(PyExc_ValueError, "configure: characters must be in the BMP");
            return -1;
        }
        for (Py_UCS4 c = a; c <= b; c++)
            cls[c] |= bit;
    }
    return 0;
}

static PyObject *configure(PyObject *self, PyObject *args)
{
    PyObject *word_extra, *join, *arm, *ends;
    Py_ssize_t cased_end = 0; /* lower/upper case marked below this code point (issue 16) */
    if (!PyArg_ParseTuple(args, "UUUU|n", &word_extra, &join, &arm, &ends, &cased_end))
        return NULL;
    for (Py_UCS4 c = 0; c < 65536; c++) {
        unsigned char k = 0;
        if (Py_UNICODE_ISALNUM(c) || c == '_')
            k |= C_W;
        if (Py_UNICODE_ISSPACE(c))
            k |= C_SPACE;
        if (Py_UNICODE_ISDECIMAL(c))
            k |= C_DEC;
        if ((Py_ssize_t)c < cased_end && Py_UNICODE_ISLOWER(c))
            k |= C_LOWER;
        if ((Py_ssize_t)c < cased_end && Py_UNICODE_ISUPPER(c))
            k |= C_UPPER;
        cls[c] = k;
    }
    if (mark_chars(word_extra, C_W, 1) || mark_chars(join, C_JOIN, 0)
        || mark_chars(arm, C_ARM, 0) || mark_chars(ends, C_END, 0))
        return NULL;
    configured = 1;
    Py_RETURN_NONE;
}

typedef struct {
    int32_t *codes;
    int64_t *starts;
    int32_t *lens;
    Py_ssize_t n, cap;
    int offsets;
} Out;

static int out_grow(Out *o)
{
    Py_ssize_t cap = o->cap ? o->cap * 2 : 1024;
    int32_t *c = PyMem_Realloc(o->codes, cap * sizeof(int32_t));
    if (!c)
        return -1;
    o->codes = c;
    if (o->offsets) {
        int64_t *s = PyMem_Realloc(o->starts, cap * sizeof(int64_t));
        if (!s)
            return -1;
        o->starts = s;
        int32_t *l = PyMem_Realloc(o->lens, cap * sizeof(int32_t));
        if (!l)
            return -1;
        o->lens = l;
    }
    o->cap = cap;
    return 0;
}

/* A cache of the codes already looked up, keyed by the token's code points: one hash and one
 * comparison per token instead of a new str object, its hash and a dict lookup (most of the
 * cost of a scan). It lives in a capsule that tokenize() creates for one vocabulary and passes
 * to every scan() of that vocabulary. Codes never change once given (the vocabulary only grows),
 * so a cached code is always the dict's code. Tokens longer than CACHE_MAX_LEN go to the dict. */
#define CACHE_MAX_LEN 48
#define CACHE_NAME "frameshift.text._scan.cache"

typedef struct {
    uint64_t hash; /* 0: empty slot */
    Py_ssize_t key; /* offset of the code points in keys */
    int32_t len;
    int32_t code;
} Slot;

typedef struct {
    Slot *slots;
    Py_ssize_t mask, used;
    Py_UCS4 *keys;
    Py_ssize_t keys_n, keys_cap;
    PyObject *vocab; /* the vocabulary it belongs to (a strong reference) */
} Cache;

static void cache_free(PyObject *capsule)
{
    Cache *c = PyCapsule_GetPointer(capsule, CACHE_NAME);
    if (!c)
        return;
    PyMem_Free(c->slots);
    PyMem_Free(c->keys);
    Py_XDECREF(c->vocab);
    PyMem_Free(c);
}

/* cache(vocab) -> a capsule holding an empty cache for that vocabulary. */
static PyObject *new_cache(PyObject *self, PyObject *args)
{
    PyObject *vocab;
    if (!PyArg_ParseTuple(args, "O!", &PyDict_Type, &vocab))
        return NULL;
    Cache *c = PyMem_Calloc(1, sizeof(Cache));
    if (!c)
        return PyErr_NoMemory();
    c->mask = 4095;
    c->slots = PyMem_Calloc(c->mask + 1, sizeof(Slot));
    if (!c->slots) {
        PyMem_Free(c);
        return PyErr_NoMemory();
    }
    Py_INCREF(vocab);
    c->vocab = vocab;
    PyObject *cap = PyCapsule_New(c, CACHE_NAME, cache_free);
    if (!cap) {
        PyMem_Free(c->slots);
        Py_DECREF(vocab);
        PyMem_Free(c);
    }
    return cap;
}

static int cache_grow(Cache *c)
{
    Py_ssize_t cap = (c->mask + 1) * 2;
    Slot *ns = PyMem_Calloc(cap, sizeof(Slot));
    if (!ns)
        return -1;
    for (Py_ssize_t i = 0; i <= c->mask; i++) {
        Slot *s = &c->slots[i];
        if (!s->hash)
            continue;
        Py_ssize_t q = (Py_ssize_t)(s->hash & (uint64_t)(cap - 1));
        while (ns[q].hash)
            q = (q + 1) & (cap - 1);
        ns[q] = *s;
    }
    PyMem_Free(c->slots);
    c->slots = ns;
    c->mask = cap - 1;
    return 0;
}

#define CACHE_HASH(T)                                                                    \
    static inline uint64_t hash_##T(const T *s, Py_ssize_t a, Py_ssize_t b)              \
    {                                                                                    \
        uint64_t h = 1469598103934665603ULL;                                             \
        for (Py_ssize_t i = a; i < b; i++) {                                             \
            h ^= (uint64_t)s[i];                                                         \
            h *= 1099511628211ULL;                                                       \
        }                                                                                \
        h ^= h >> 29;                                                                    \
        return h ? h : 1;                                                                \
    }                                                                                    \
    static inline Slot *find_##T(Cache *c, const T *s, Py_ssize_t a, Py_ssize_t b,       \
                                 uint64_t h)                                             \
    {                                                                                    \
        Py_ssize_t q = (Py_ssize_t)(h & (uint64_t)c->mask);                              \
        int32_t len = (int32_t)(b - a);                                                  \
        for (;;) {                                                                       \
            Slot *sl = &c->slots[q];                                                     \
            if (!sl->hash)                                                               \
                return sl;                                                               \
            if (sl->hash == h && sl->len == len) {                                       \
                const Py_UCS4 *k = c->keys + sl->key;                                    \
                Py_ssize_t i = 0;                                                        \
                while (i < len && k[i] == (Py_UCS4)s[a + i])                             \
                    i++;                                                                 \
                if (i == len)                                                            \
                    return sl;                                                           \
            }                                                                            \
            q = (q + 1) & c->mask;                                                       \
        }                                                                                \
    }                                                                                    \
    static int put_##T(Cache *c, Slot *sl, const T *s, Py_ssize_t a, Py_ssize_t b,       \
                       uint64_t h, int32_t code)                                         \
    {                                                                                    \
        Py_ssize_t len = b - a;                                                          \
        if (c->keys_n + len > c->keys_cap) {                                             \
            Py_ssize_t cap = c->keys_cap ? c->keys_cap * 2 : 65536;                      \
            while (cap < c->keys_n + len)                                                \
                cap *= 2;                                                                \
            Py_UCS4 *nk = PyMem_Realloc(c->keys, cap * sizeof(Py_UCS4));                 \
            if (!nk)                                                                     \
                return -1;                                                               \
            c->keys = nk;                                                                \
            c->keys_cap = cap;                                                           \
        }                                                                                \
        for (Py_ssize_t i = 0; i < len; i++)                                             \
            c->keys[c->keys_n + i] = (Py_UCS4)s[a + i];                                  \
        sl->hash = h;                                                                    \
        sl->key = c->keys_n;                                                             \
        sl->len = (int32_t)len;                                                          \
        sl->code = code;                                                                 \
        c->keys_n += len;                                                                \
        c->used++;                                                                       \
        if (2 * c->used > c->mask + 1)                                                   \
            return cache_grow(c);                                                        \
        return 0;                                                                        \
    }

CACHE_HASH(Py_UCS1)
CACHE_HASH(Py_UCS2)
CACHE_HASH(Py_UCS4)

/* Look the token text[a:b] up in ``vocab`` (a dict whose subclass's __missing__ adds it). */
static int emit(Out *o, PyObject *text, PyObject *vocab, Py_ssize_t a, Py_ssize_t b)
{
    if (o->n == o->cap && out_grow(o) < 0) {
        PyErr_NoMemory();
        return -1;
    }
    PyObject *key = PyUnicode_Substring(text, a, b);
    if (!key)
        return -1;
    long code;
    PyObject *v = PyDict_GetItemWithError(vocab, key); /* borrowed */
    if (v) {
        code = PyLong_AsLong(v);
    } else {
        if (PyErr_Occurred()) {
            Py_DECREF(key);
            return -1;
        }
        v = PyObject_GetItem(vocab, key); /* calls __missing__ */
        if (!v) {
            Py_DECREF(key);
            return -1;
        }
        code = PyLong_AsLong(v);
        Py_DECREF(v);
    }
    Py_DECREF(key);
    if (code == -1 && PyErr_Occurred())
        return -1;
    o->codes[o->n] = (int32_t)code;
    if (o->offsets) {
        o->starts[o->n] = a;
        o->lens[o->n] = (int32_t)(b - a);
    }
    o->n++;
    return 0;
}

#define SCAN_BODY(T, EMIT)                                                                   \
    {                                                                                    \
        const T *s = (const T *)data;                                                    \
        Py_ssize_t i = 0;                                                                \
        while (i < n) {                                                                  \
            Py_UCS4 c = s[i];                                                            \
            unsigned char k = klass(c);                                                  \
            Py_ssize_t j;                                                                \
            int word = 0;                                                                \
            if (k & C_W) {                                                               \
                word = 1;                                                                \
                j = i + 1;                                                               \
                while (j < n && (klass(s[j]) & C_W))                                     \
                    j++;                                                                 \
                while (j < n) {                                                          \
                    Py_UCS4 c2 = s[j];                                                   \
                    unsigned char k2 = klass(c2);                                        \
                    if (((k2 & C_JOIN) && j + 1 < n && (klass(s[j + 1]) & C_W)           \
                         && !DOT_SPLITS(s, j, n))                                        \
                        || (c2 == ',' && (klass(s[j - 1]) & C_DEC) && j + 1 < n          \
                            && (klass(s[j + 1]) & C_DEC))) {                             \
                        j += 2;                                                          \
                    } else if (k2 & C_ARM) {                                             \
                        j += 1;                                                          \
                    } else {                                                             \
                        break;                                                           \
                    }                                                                    \
                    while (j < n && (klass(s[j]) & C_W))                                 \
                        j++;                                                             \
                }                                                                        \
            } else if (k & C_END) {                                                      \
                j = i + 1;                                                               \
                while (j < n && (klass(s[j]) & C_END))                                   \
                    j++;                                                                 \
            } else {                                                                     \
                j = -1;                                                                  \
                if (c == ':' && i + 1 < n && arm_colon_space(s[i + 1])                   \
                    && ((i >= 1 && armenian_letter(s[i - 1]))                            \
                        || (i >= 2 && closer(s[i - 1]) && armenian_letter(s[i - 2])))) { \
                    j = i + 2;                                                           \
                } else if (c == '\n') {                                                  \
                    Py_ssize_t q = i + 1;                                                \
                    while (q < n && (s[q] == ' ' || s[q] == '\t' || s[q] == '\r'         \
                                     || s[q] == 0xA0))                                   \
                        q++;                                                             \
                    if (q < n && s[q] == '\n')                                           \
                        j = q + 1;                                                       \
                }                                                                        \
                if (j < 0 && (k & C_SPACE) && i >= 1 && line_block(s[i - 1])) {         \
                    Py_ssize_t q = i;                                                    \
                    while (q < n && (line_space(s[q]) || s[q] == '\r'))                  \
                        q++;                                                             \
                    if (q < n && s[q] == '\n') {                                         \
                        Py_ssize_t r = q + 1;                                            \
                        while (r < n && line_space(s[r]))                                \
                            r++;                                                         \
                        if (r < n && opener(s[r]))                                       \
                            r++;                                                         \
                        if (r < n && (klass(s[r]) & C_UPPER)                             \
                            && line_block(s[r]) == line_block(s[i - 1]))                 \
                            j = q + 1;                                                   \
                    }                                                                    \
                }                                                                        \
                if (j < 0) {                                                             \
                    if (!(k & C_SPACE) || (c != '\n' && i + 1 < n && s[i + 1] == '.'))   \
                        j = i + 1;                                                       \
                    else {                                                               \
                        i++;                                                             \
                        continue;                                                        \
                    }                                                                    \
                }                                                                        \
            }                                                                            \
            EMIT(i, j, word);                                                            \
            i = j;                                                                       \
        }                                                                                \
    }

/* scan(text, vocab, with_offsets[, cache]) -> (codes, starts, lengths)
 * codes: bytes of int32 (the vocabulary's code of every token), starts: bytes of int64 and
 * lengths: bytes of int32 (character offsets), or None without offsets. */
static PyObject *scan(PyObject *self, PyObject *args)
{
    PyObject *text, *vocab, *capsule = Py_None;
    int with_offsets;
    if (!PyArg_ParseTuple(args, "UO!p|O", &text, &PyDict_Type, &vocab, &with_offsets,
                          &capsule))
        return NULL;
    Cache *cache = NULL;
    if (capsule != Py_None) {
        cache = PyCapsule_GetPointer(capsule, CACHE_NAME);
        if (!cache)
            return NULL;
        if (cache->vocab != vocab) {
            PyErr_SetString(PyExc_ValueError, "scan: the cache belongs to another vocabulary");
            return NULL;
        }
    }
    if (!configured) {
        PyErr_SetString(PyExc_RuntimeError, "scan: configure() was not called");
        return NULL;
    }
    Out o = {NULL, NULL, NULL, 0, 0, with_offsets};
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
#define EMIT_LOOKUP(a, b, word)                                                          \
    (void)(word);                                                                        \
    if (emit(&o, text, vocab, a, b) < 0)                                                 \
        goto fail;
/* with a cache: the code from the cache, else from the dict (then remembered) */
#define EMIT_CACHED_T(T, a, b)                                                           \
    if (cache && (b) - (a) <= CACHE_MAX_LEN) {                                           \
        uint64_t h_ = hash_##T(s, a, b);                                                 \
        Slot *sl_ = find_##T(cache, s, a, b, h_);                                        \
        if (sl_->hash) {                                                                 \
            if (o.n == o.cap && out_grow(&o) < 0) {                                      \
                PyErr_NoMemory();                                                        \
                goto fail;                                                               \
            }                                                                            \
            o.codes[o.n] = sl_->code;                                                    \
            if (o.offsets) {                                                             \
                o.starts[o.n] = a;                                                       \
                o.lens[o.n] = (int32_t)((b) - (a));                                      \
            }                                                                            \
            o.n++;                                                                       \
        } else {                                                                         \
            if (emit(&o, text, vocab, a, b) < 0)                                         \
                goto fail;                                                               \
            /* the dict may have run Python code (__missing__): find the slot again */   \
            sl_ = find_##T(cache, s, a, b, h_);                                          \
            if (!sl_->hash && put_##T(cache, sl_, s, a, b, h_, o.codes[o.n - 1]) < 0) {  \
                PyErr_NoMemory();                                                        \
                goto fail;                                                               \
            }                                                                            \
        }                                                                                \
    } else if (emit(&o, text, vocab, a, b) < 0)                                          \
        goto fail;
#define EMIT_C1(a, b, word) (void)(word); EMIT_CACHED_T(Py_UCS1, a, b)
#define EMIT_C2(a, b, word) (void)(word); EMIT_CACHED_T(Py_UCS2, a, b)
#define EMIT_C4(a, b, word) (void)(word); EMIT_CACHED_T(Py_UCS4, a, b)
    if (kind == PyUnicode_1BYTE_KIND)
        SCAN_BODY(Py_UCS1, EMIT_C1)
    else if (kind == PyUnicode_2BYTE_KIND)
        SCAN_BODY(Py_UCS2, EMIT_C2)
    else
        SCAN_BODY(Py_UCS4, EMIT_C4)
    PyObject *codes = PyBytes_FromStringAndSize((const char *)o.codes, o.n * sizeof(int32_t));
    PyObject *starts = NULL, *lens = NULL;
    if (with_offsets) {
        starts = PyBytes_FromStringAndSize((const char *)o.starts, o.n * sizeof(int64_t));
        lens = PyBytes_FromStringAndSize((const char *)o.lens, o.n * sizeof(int32_t));
    } else {
        starts = Py_None;
        Py_INCREF(starts);
        lens = Py_None;
        Py_INCREF(lens);
    }
    PyMem_Free(o.codes);
    PyMem_Free(o.starts);
    PyMem_Free(o.lens);
    if (!codes || !starts || !lens) {
        Py_XDECREF(codes);
        Py_XDECREF(starts);
        Py_XDECREF(lens);
        return NULL;
    }
    PyObject *res = PyTuple_Pack(3, codes, starts, lens);
    Py_DECREF(codes);
    Py_DECREF(starts);
    Py_DECREF(lens);
    return res;
fail:
    PyMem_Free(o.codes);
    PyMem_Free(o.starts);
    PyMem_Free(o.lens);
    return NULL;
}

/* spans(text) -> (starts, ends): bytes of int64, the character offsets of the word tokens
 * (no vocabulary, no token strings: for offsets computed on demand). */
static PyObject *spans(PyObject *self, PyObject *args)
{
    PyObject *text;
    if (!PyArg_ParseTuple(args, "U", &text))
        return NULL;
    if (!configured) {
        PyErr_SetString(PyExc_RuntimeError, "spans: configure() was not called");
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), m = 0, cap = 256;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    int64_t *buf = PyMem_Malloc(2 * cap * sizeof(int64_t));
    if (!buf)
        return PyErr_NoMemory();
#define EMIT_SPAN(a, b, word)                                                            \
    if (word) {                                                                          \
        if (m == cap) {                                                                  \
            int64_t *nb = PyMem_Realloc(buf, 4 * cap * sizeof(int64_t));                 \
            if (!nb) {                                                                   \
                PyErr_NoMemory();                                                        \
                goto fail;                                                               \
            }                                                                            \
            buf = nb;                                                                    \
            cap *= 2;                                                                    \
        }                                                                                \
        buf[2 * m] = a;                                                                  \
        buf[2 * m + 1] = b;                                                              \
        m++;                                                                             \
    }
    if (kind == PyUnicode_1BYTE_KIND)
        SCAN_BODY(Py_UCS1, EMIT_SPAN)
    else if (kind == PyUnicode_2BYTE_KIND)
        SCAN_BODY(Py_UCS2, EMIT_SPAN)
    else
        SCAN_BODY(Py_UCS4, EMIT_SPAN)
    PyObject *starts = PyBytes_FromStringAndSize(NULL, m * sizeof(int64_t));
    PyObject *ends = PyBytes_FromStringAndSize(NULL, m * sizeof(int64_t));
    if (!starts || !ends) {
        Py_XDECREF(starts);
        Py_XDECREF(ends);
        PyMem_Free(buf);
        return NULL;
    }
    int64_t *ps = (int64_t *)PyBytes_AS_STRING(starts), *pe = (int64_t *)PyBytes_AS_STRING(ends);
    for (Py_ssize_t q = 0; q < m; q++) {
        ps[q] = buf[2 * q];
        pe[q] = buf[2 * q + 1];
    }
    PyMem_Free(buf);
    PyObject *res = PyTuple_Pack(2, starts, ends);
    Py_DECREF(starts);
    Py_DECREF(ends);
    return res;
fail:
    PyMem_Free(buf);
    return NULL;
}

static PyMethodDef methods[] = {
    {"configure", configure, METH_VARARGS,
     "configure(word_extra, join, arm, ends): set the character classes."},
    {"scan", scan, METH_VARARGS,
     "scan(text, vocab, with_offsets[, cache]) -> (int32 codes, int64 starts, int32 lengths) "
     "as bytes; cache: a capsule from cache(vocab), shared by the scans of one vocabulary."},
    {"cache", new_cache, METH_VARARGS,
     "cache(vocab) -> a capsule remembering the codes of the tokens scanned with vocab."},
    {"spans", spans, METH_VARARGS,
     "spans(text) -> (int64 starts, int64 ends) of the word tokens, as bytes."},
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef moduledef = {PyModuleDef_HEAD_INIT, "_scan",
                                       "The tokenizer's scan in C (see tokenizer.py).", -1,
                                       methods};

PyMODINIT_FUNC PyInit__scan(void) { return PyModule_Create(&moduledef); }
