/* Multi-word pattern search in C: the occurrences of every alternative of matching/engine.py
 * (``_find_all``) in one pass over the tokens.
 *
 * Optional: when this extension is not built (no C compiler), engine.py runs its numpy search
 * instead; tests/test_matching_equivalence.py and tests/test_phrases_c.py check that both give
 * the same spans.
 *
 * An alternative is a sequence of segments (runs of words, each word a sorted set of type ids)
 * separated by gaps (lo..hi tokens). One word of one segment is its anchor (engine.py picks
 * the rarest). Every token whose type is an anchor type starts a check of the alternatives
 * anchored on that type: the anchor's segment around it, then the segments to the right (every
 * gap length), then those to the left. A span is kept when all its words match and its first
 * and last token lie in the same run of ``seg`` (same text, same sentence, adjacent words), as
 * in engine.py's ``_find_group``.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

typedef struct {
    const int32_t *ids;
    const int32_t *s2t; /* NULL: the ids are the type ids */
    const void *seg;
    int seg_size; /* 1 (uint8) or 4 (int32) */
    Py_ssize_t n;
    /* alternatives */
    const int64_t *seg_off;   /* per alternative: its segments are seg_off[a] .. seg_off[a+1] */
    const int64_t *seg_words; /* per segment: first word index (into word_off) */
    const int64_t *seg_len;   /* per segment: number of words */
    const int64_t *gap_lo, *gap_hi; /* per segment: the gap before it (unused for the first) */
    const int64_t *word_off;  /* per word: its ids are set_ids[word_off[w] .. word_off[w+1]] */
    const int32_t *set_ids;
    const int64_t *anchor_seg, *anchor_pos; /* per alternative */
    /* output */
    int32_t *o_alt;
    int64_t *o_lo, *o_hi;
    Py_ssize_t o_n, o_cap;
} Ctx;

static inline int32_t tid(const Ctx *c, Py_ssize_t i)
{
    int32_t s = c->ids[i];
    return c->s2t ? c->s2t[s] : s;
}

static inline int32_t segno(const Ctx *c, Py_ssize_t i)
{
    return c->seg_size == 1 ? ((const uint8_t *)c->seg)[i] : ((const int32_t *)c->seg)[i];
}

static inline int member(const Ctx *c, int64_t w, int32_t t)
{
    const int32_t *s = c->set_ids + c->word_off[w];
    Py_ssize_t m = (Py_ssize_t)(c->word_off[w + 1] - c->word_off[w]);
    if (m <= 8) {
        for (Py_ssize_t i = 0; i < m; i++)
            if (s[i] == t)
                return 1;
        return 0;
    }
    Py_ssize_t lo = 0, hi = m;
    while (lo < hi) {
        Py_ssize_t mid = (lo + hi) / 2;
        if (s[mid] < t)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < m && s[lo] == t;
}

/* Whether the words of segment ``sg`` match at x, x+1, ... (``skip``: a word known to match). */
static inline int words_at(const Ctx *c, int64_t sg, Py_ssize_t x, int64_t skip)
{
    int64_t w0 = c->seg_words[sg], L = c->seg_len[sg];
    for (int64_t j = 0; j < L; j++)
        if (j != skip && !member(c, w0 + j, tid(c, x + j)))
            return 0;
    return 1;
}

static int emit(Ctx *c, int32_t a, Py_ssize_t lo, Py_ssize_t hi)
{
    if (c->o_n == c->o_cap) {
        Py_ssize_t cap = c->o_cap ? c->o_cap * 2 : 4096;
        int32_t *na = PyMem_Realloc(c->o_alt, cap * sizeof(int32_t));
        if (!na)
            return -1;
        c->o_alt = na;
        int64_t *nl = PyMem_Realloc(c->o_lo, cap * sizeof(int64_t));
        if (!nl)
            return -1;
        c->o_lo = nl;
        int64_t *nh = PyMem_Realloc(c->o_hi, cap * sizeof(int64_t));
        if (!nh)
            return -1;
        c->o_hi = nh;
        c->o_cap = cap;
    }
    c->o_alt[c->o_n] = a;
    c->o_lo[c->o_n] = lo;
    c->o_hi[c->o_n] = hi;
    c->o_n++;
    return 0;
}

/* segments first..k-1 of the alternative (to the left of the matched span [lo, hi)) */
static int left(Ctx *c, int32_t a, int64_t first, int64_t k, Py_ssize_t lo, Py_ssize_t hi,
                int32_t ref)
{
    if (k < first)
        return emit(c, a, lo, hi);
    int64_t L = c->seg_len[k];
    /* the gap between segment k and k + 1 is stored with segment k + 1 */
    for (int64_t g = c->gap_lo[k + 1]; g <= c->gap_hi[k + 1]; g++) {
        Py_ssize_t x = lo - g - L;
        if (x < 0)
            break;
        if (!words_at(c, k, x, -1) || segno(c, x) != ref)
            continue;
        if (left(c, a, first, k - 1, x, hi, ref) < 0)
            return -1;
    }
    return 0;
}

/* segments k..last of the alternative (to the right of [lo, hi)), then the left ones */
static int right(Ctx *c, int32_t a, int64_t first, int64_t si, int64_t k, int64_t last,
                 Py_ssize_t lo, Py_ssize_t hi, int32_t ref)
{
    if (k > last)
        return left(c, a, first, si - 1, lo, hi, ref);
    int64_t L = c->seg_len[k];
    for (int64_t g = c->gap_lo[k]; g <= c->gap_hi[k]; g++) {
        Py_ssize_t x = hi + g;
        if (x + L > c->n)
            break;
        if (!words_at(c, k, x, -1) || segno(c, x + L - 1) != ref)
            continue;
        if (right(c, a, first, si, k + 1, last, lo, x + L, ref) < 0)
            return -1;
    }
    return 0;
}

static int try_alt(Ctx *c, int32_t a, Py_ssize_t p)
{
    int64_t first = c->seg_off[a], last = c->seg_off[a + 1] - 1;
    int64_t si = first + c->anchor_seg[a], oi = c->anchor_pos[a];
    int64_t L = c->seg_len[si];
    Py_ssize_t lo = p - oi;
    if (lo < 0 || lo + L > c->n)
        return 0;
    if (!words_at(c, si, lo, oi))
        return 0;
    int32_t ref = segno(c, lo);
    if (segno(c, lo + L - 1) != ref)
        return 0;
    return right(c, a, first, si, si + 1, last, lo, lo + L, ref);
}

static int buffer(PyObject *obj, Py_buffer *view, Py_ssize_t itemsize, const char *what)
{
    if (PyObject_GetBuffer(obj, view, PyBUF_C_CONTIGUOUS) < 0)
        return -1;
    if (view->len % itemsize) {
        PyErr_Format(PyExc_ValueError, "find: %s has a length that is not a multiple of %zd",
                     what, itemsize);
        PyBuffer_Release(view);
        return -1;
    }
    return 0;
}

/* find(ids, s2t, seg, seg_size, V, seg_off, seg_words, seg_len, gap_lo, gap_hi, word_off,
 *      set_ids, anchor_seg, anchor_pos) -> (offsets, lo, hi): bytes of int64; the spans
 * [lo, hi) of alternative a are those at offsets[a] .. offsets[a + 1]
 * ids, s2t, set_ids: int32 (s2t may be None); seg: uint8 or int32 (seg_size 1 or 4); the
 * rest int64. */
static PyObject *find(PyObject *self, PyObject *args)
{
    PyObject *o[14];
    int seg_size;
    Py_ssize_t V;
    if (!PyArg_ParseTuple(args, "OOOinOOOOOOOOO", &o[0], &o[1], &o[2], &seg_size, &V, &o[3],
                          &o[4], &o[5], &o[6], &o[7], &o[8], &o[9], &o[10], &o[11]))
        return NULL;
    if (seg_size != 1 && seg_size != 4) {
        PyErr_SetString(PyExc_ValueError, "find: seg_size must be 1 or 4");
        return NULL;
    }
    /* views: 0 ids, 1 s2t, 2 seg, 3 seg_off, 4 seg_words, 5 seg_len, 6 gap_lo, 7 gap_hi,
     * 8 word_off, 9 set_ids, 10 anchor_seg, 11 anchor_pos */
    Py_buffer v[12];
    int got = 0;
    static const Py_ssize_t size[12] = {4, 4, 0, 8, 8, 8, 8, 8, 8, 4, 8, 8};
    PyObject *res = NULL;
    Ctx c;
    memset(&c, 0, sizeof c);
    int32_t *aptr_n = NULL;
    int64_t *aptr = NULL;
    int32_t *alist = NULL;
    for (; got < 12; got++) {
        if (got == 1 && o[1] == Py_None) {
            memset(&v[1], 0, sizeof(Py_buffer));
            continue;
        }
        if (buffer(o[got], &v[got], got == 2 ? seg_size : size[got], "an array") < 0)
            goto done;
    }
    c.ids = v[0].buf;
    c.n = v[0].len / 4;
    c.s2t = o[1] == Py_None ? NULL : v[1].buf;
    c.seg = v[2].buf;
    c.seg_size = seg_size;
    if (v[2].len / seg_size != c.n) {
        PyErr_SetString(PyExc_ValueError, "find: seg and ids differ in length");
        goto done;
    }
    c.seg_off = v[3].buf;
    c.seg_words = v[4].buf;
    c.seg_len = v[5].buf;
    c.gap_lo = v[6].buf;
    c.gap_hi = v[7].buf;
    c.word_off = v[8].buf;
    c.set_ids = v[9].buf;
    c.anchor_seg = v[10].buf;
    c.anchor_pos = v[11].buf;
    Py_ssize_t A = v[10].len / 8;
    if (v[3].len / 8 != A + 1 || v[11].len / 8 != A) {
        PyErr_SetString(PyExc_ValueError, "find: inconsistent alternative arrays");
        goto done;
    }
    Py_ssize_t n_s2t = c.s2t ? v[1].len / 4 : 0;
    Py_ssize_t n_sets = v[9].len / 4;
    /* check every index once, so that the search itself needs no bounds checks */
    for (Py_ssize_t i = 0; i < c.n; i++) {
        int32_t s = c.ids[i];
        if (s < 0 || (c.s2t ? s >= n_s2t : s >= V) || (c.s2t && (c.s2t[s] < 0 || c.s2t[s] >= V))) {
            PyErr_SetString(PyExc_ValueError, "find: a token id is out of range");
            goto done;
        }
    }
    Py_ssize_t n_segs = v[4].len / 8, n_words = v[8].len / 8 - 1;
    for (Py_ssize_t a = 0; a < A; a++) {
        int64_t f = c.seg_off[a], l = c.seg_off[a + 1];
        if (f < 0 || l <= f || l > n_segs || c.anchor_seg[a] < 0 || f + c.anchor_seg[a] >= l
            || c.anchor_pos[a] < 0 || c.anchor_pos[a] >= c.seg_len[f + c.anchor_seg[a]]) {
            PyErr_SetString(PyExc_ValueError, "find: bad alternative");
            goto done;
        }
        for (int64_t k = f; k < l; k++) {
            if (c.seg_len[k] < 1 || c.seg_words[k] < 0 || c.seg_words[k] + c.seg_len[k] > n_words
                || (k > f && (c.gap_lo[k] < 0 || c.gap_hi[k] < c.gap_lo[k]))) {
                PyErr_SetString(PyExc_ValueError, "find: bad segment");
                goto done;
            }
        }
    }
    for (Py_ssize_t w = 0; w < n_words; w++) {
        if (c.word_off[w] < 0 || c.word_off[w + 1] < c.word_off[w] || c.word_off[w + 1] > n_sets) {
            PyErr_SetString(PyExc_ValueError, "find: bad word");
            goto done;
        }
    }
    /* the alternatives anchored on each type (compressed rows over the vocabulary) */
    aptr = PyMem_Calloc(V + 1, sizeof(int64_t));
    if (!aptr) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t a = 0; a < A; a++) {
        int64_t w = c.seg_words[c.seg_off[a] + c.anchor_seg[a]] + c.anchor_pos[a];
        for (int64_t q = c.word_off[w]; q < c.word_off[w + 1]; q++) {
            int32_t t = c.set_ids[q];
            if (t < 0 || t >= V) {
                PyErr_SetString(PyExc_ValueError, "find: a pattern id is out of range");
                goto done;
            }
            aptr[t + 1]++;
        }
    }
    for (Py_ssize_t t = 0; t < V; t++)
        aptr[t + 1] += aptr[t];
    alist = PyMem_Malloc((aptr[V] ? aptr[V] : 1) * sizeof(int32_t));
    aptr_n = PyMem_Calloc(V ? V : 1, sizeof(int32_t));
    if (!alist || !aptr_n) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t a = 0; a < A; a++) {
        int64_t w = c.seg_words[c.seg_off[a] + c.anchor_seg[a]] + c.anchor_pos[a];
        for (int64_t q = c.word_off[w]; q < c.word_off[w + 1]; q++) {
            int32_t t = c.set_ids[q];
            alist[aptr[t] + aptr_n[t]++] = (int32_t)a;
        }
    }
    for (Py_ssize_t i = 0; i < c.n; i++) {
        int32_t t = tid(&c, i);
        for (int64_t q = aptr[t]; q < aptr[t + 1]; q++) {
            if (try_alt(&c, alist[q], i) < 0) {
                PyErr_NoMemory();
                goto done;
            }
        }
    }
    {
        /* the spans grouped by alternative (a counting sort; token order within each) */
        PyObject *ra = PyBytes_FromStringAndSize(NULL, (A + 1) * sizeof(int64_t));
        PyObject *rl = PyBytes_FromStringAndSize(NULL, c.o_n * sizeof(int64_t));
        PyObject *rh = PyBytes_FromStringAndSize(NULL, c.o_n * sizeof(int64_t));
        if (ra && rl && rh) {
            int64_t *off = (int64_t *)PyBytes_AS_STRING(ra);
            int64_t *pl = (int64_t *)PyBytes_AS_STRING(rl), *ph = (int64_t *)PyBytes_AS_STRING(rh);
            memset(off, 0, (A + 1) * sizeof(int64_t));
            for (Py_ssize_t q = 0; q < c.o_n; q++)
                off[c.o_alt[q] + 1]++;
            for (Py_ssize_t a = 0; a < A; a++)
                off[a + 1] += off[a];
            for (Py_ssize_t q = 0; q < c.o_n; q++) {
                int64_t at = off[c.o_alt[q]]++;
                pl[at] = c.o_lo[q];
                ph[at] = c.o_hi[q];
            }
            for (Py_ssize_t a = A; a > 0; a--)
                off[a] = off[a - 1];
            off[0] = 0;
            res = PyTuple_Pack(3, ra, rl, rh);
        }
        Py_XDECREF(ra);
        Py_XDECREF(rl);
        Py_XDECREF(rh);
    }
done:
    for (int i = 0; i < got && i < 12; i++)
        if (!(i == 1 && o[1] == Py_None))
            PyBuffer_Release(&v[i]);
    PyMem_Free(aptr);
    PyMem_Free(aptr_n);
    PyMem_Free(alist);
    PyMem_Free(c.o_alt);
    PyMem_Free(c.o_lo);
    PyMem_Free(c.o_hi);
    return res;
}

/* A set of int64 keys >= 0 (open addressing, linear probing; -1 marks an empty slot). */
typedef struct {
    int64_t *keys;
    size_t mask;
} KeySet;

static int keyset_init(KeySet *ks, size_t n)
{
    size_t cap = 16;
    while (cap < 2 * n + 16)
        cap <<= 1;
    ks->keys = PyMem_Malloc(cap * sizeof(int64_t));
    if (!ks->keys)
        return -1;
    memset(ks->keys, 0xff, cap * sizeof(int64_t));
    ks->mask = cap - 1;
    return 0;
}

static inline size_t keyset_slot(const KeySet *ks, int64_t k)
{
    size_t h = (size_t)((uint64_t)k * 0x9E3779B97F4A7C15ull >> 17) & ks->mask;
    while (ks->keys[h] != -1 && ks->keys[h] != k)
        h = (h + 1) & ks->mask;
    return h;
}

/* accept(a, b, k, dictionary) -> bytes, one 0/1 per candidate: the sequential rule of
 * engine.py's ``_accept`` over candidates already in its order (longest first, then start,
 * category, pattern): a candidate is accepted when none of its tokens is covered in its
 * category yet; with ``dictionary``, a span all of whose tokens are covered by accepted
 * candidates of any category is passed over. a, b, k: int64, a < b (spans [a, b)). */
static PyObject *accept(PyObject *self, PyObject *args)
{
    PyObject *o[3];
    int dictionary;
    if (!PyArg_ParseTuple(args, "OOOp", &o[0], &o[1], &o[2], &dictionary))
        return NULL;
    Py_buffer v[3];
    int got = 0;
    PyObject *res = NULL;
    KeySet cov = {NULL, 0}, glob = {NULL, 0};
    for (; got < 3; got++)
        if (buffer(o[got], &v[got], 8, "an int64 array") < 0)
            goto done;
    const int64_t *a = v[0].buf, *b = v[1].buf, *k = v[2].buf;
    Py_ssize_t m = v[0].len / 8;
    if (v[1].len / 8 != m || v[2].len / 8 != m) {
        PyErr_SetString(PyExc_ValueError, "accept: a, b and k differ in length");
        goto done;
    }
    int64_t S = 1, total = 0;
    for (Py_ssize_t i = 0; i < m; i++) {
        if (a[i] < 0 || b[i] <= a[i] || k[i] < 0) {
            PyErr_SetString(PyExc_ValueError, "accept: spans must be 0 <= a < b, k >= 0");
            goto done;
        }
        if (b[i] + 1 > S)
            S = b[i] + 1;
        total += b[i] - a[i];
    }
    for (Py_ssize_t i = 0; i < m; i++)
        if (k[i] > (INT64_MAX - S) / S) {
            PyErr_SetString(PyExc_OverflowError, "accept: category * positions overflows");
            goto done;
        }
    if (keyset_init(&cov, (size_t)total) < 0 || (dictionary && keyset_init(&glob, (size_t)total) < 0)) {
        PyErr_NoMemory();
        goto done;
    }
    res = PyBytes_FromStringAndSize(NULL, m);
    if (!res)
        goto done;
    char *acc = PyBytes_AS_STRING(res);
    memset(acc, 0, m);
    Py_ssize_t i = 0;
    while (i < m) {
        int64_t x = a[i], y = b[i];
        Py_ssize_t jend = i;
        while (jend < m && a[jend] == x && b[jend] == y)
            jend++;
        if (dictionary) {
            int all = 1;
            for (int64_t t = x; t < y && all; t++)
                all = glob.keys[keyset_slot(&glob, t)] == t;
            if (all) {
                i = jend;
                continue;
            }
        }
        int matched = 0;
        for (Py_ssize_t r = i; r < jend; r++) {
            int64_t base = k[r] * S;
            int free = 1;
            for (int64_t t = x; t < y && free; t++)
                free = cov.keys[keyset_slot(&cov, base + t)] != base + t;
            if (!free)
                continue;
            for (int64_t t = x; t < y; t++)
                cov.keys[keyset_slot(&cov, base + t)] = base + t;
            acc[r] = 1;
            matched = 1;
        }
        if (matched && dictionary)
            for (int64_t t = x; t < y; t++)
                glob.keys[keyset_slot(&glob, t)] = t;
        i = jend;
    }
done:
    for (int j = 0; j < got; j++)
        PyBuffer_Release(&v[j]);
    PyMem_Free(cov.keys);
    PyMem_Free(glob.keys);
    if (PyErr_Occurred()) {
        Py_XDECREF(res);
        return NULL;
    }
    return res;
}

static PyMethodDef methods[] = {
    {"find", find, METH_VARARGS,
     "find(ids, s2t, seg, seg_size, V, seg_off, seg_words, seg_len, gap_lo, gap_hi, word_off, "
     "set_ids, anchor_seg, anchor_pos) -> (offsets, starts, ends), bytes of int64: the "
     "occurrences of alternative a are starts/ends[offsets[a]:offsets[a + 1]] (see engine.py)."},
    {"accept", accept, METH_VARARGS,
     "accept(a, b, k, dictionary) -> bytes of 0/1: the sequential acceptance rule of "
     "engine.py's _accept over candidates already in its order (int64 arrays)."},
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef moduledef = {PyModuleDef_HEAD_INIT, "_phrases",
                                       "Multi-word pattern search in C (see engine.py).", -1,
                                       methods, NULL, NULL, NULL, NULL};

PyMODINIT_FUNC PyInit__phrases(void) { return PyModule_Create(&moduledef); }
