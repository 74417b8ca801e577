/* Shared machinery of the GasLib readers: the unit table and conversion
 * (FORMAT.md §5), locale-independent numbers, file reading, and a hardened
 * libxml2 parse. The parse builds gasflow's own element records (gx_node)
 * from libxml2's SAX2 events, never libxml2's tree, and can hand elements
 * to the reader as they complete (gx_ctx.on_element) while a file is read
 * in chunks. Hardening: any DOCTYPE is refused before libxml2 sees the
 * bytes (and again by SAX hooks, for encodings the byte scan cannot see),
 * the network is never used, no entity can be declared, and libxml2's error
 * printing is replaced by per-parse handlers, so nothing reaches stderr (the
 * calling thread's own libxml2 handler is borrowed during a parse and put
 * back; no process-wide state changes). */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include "io/gaslib_xml.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>

/* ---- Units ------------------------------------------------------------ */

typedef enum {
    DIM_PRESSURE,
    DIM_GAUGE,
    DIM_LENGTH,
    DIM_TEMPERATURE,
    DIM_NORM_FLOW,
    DIM_ACTUAL_FLOW,
    DIM_DENSITY,
    DIM_MOLAR_MASS,
    DIM_ENERGY_DENSITY,
    DIM_HEAT_TRANSFER,
    DIM_SPEED,
    DIM_SPECIFIC_ENERGY,
    DIM_POWER,
    DIM_TORQUE,
    DIM_VOLUME,
    DIM_NONE /* of dimensionless quantities: no token has it */
} dimension;

/* SI value = (file value + offset) * factor. */
typedef struct {
    const char *token;
    dimension dim;
    double offset, factor;
} unit_entry;

static const unit_entry unit_table[] = {
    {"bar", DIM_PRESSURE, 0.0, 1e5},
    {"barg", DIM_GAUGE, 1.01325, 1e5},
    {"km", DIM_LENGTH, 0.0, 1e3},
    {"m", DIM_LENGTH, 0.0, 1.0},
    {"meter", DIM_LENGTH, 0.0, 1.0},
    {"mm", DIM_LENGTH, 0.0, 1e-3},
    {"Celsius", DIM_TEMPERATURE, 273.15, 1.0},
    {"K", DIM_TEMPERATURE, 0.0, 1.0},
    {"1000m_cube_per_hour", DIM_NORM_FLOW, 0.0, 1000.0 / 3600.0},
    {"m_cube_per_s", DIM_ACTUAL_FLOW, 0.0, 1.0},
    {"kg_per_m_cube", DIM_DENSITY, 0.0, 1.0},
    {"kg_per_kmol", DIM_MOLAR_MASS, 0.0, 1e-3},
    {"MJ_per_m_cube", DIM_ENERGY_DENSITY, 0.0, 1e6},
    {"W_per_m_square_per_K", DIM_HEAT_TRANSFER, 0.0, 1.0},
    {"per_min", DIM_SPEED, 0.0, 1.0 / 60.0},
    {"kJ_per_kg", DIM_SPECIFIC_ENERGY, 0.0, 1e3},
    {"kW", DIM_POWER, 0.0, 1e3},
    {"kNm", DIM_TORQUE, 0.0, 1e3},
    {"m_cube", DIM_VOLUME, 0.0, 1.0},
};

static const unit_entry *find_unit(const char *token)
{
    for (size_t i = 0; i < sizeof unit_table / sizeof unit_table[0]; i++)
        if (unit_table[i].token[0] == token[0] && strcmp(unit_table[i].token, token) == 0)
            return &unit_table[i];
    return NULL;
}

static dimension dimension_of(gx_quantity q)
{
    switch (q) {
    case GX_PRESSURE:
    case GX_PRESSURE_DIFF: return DIM_PRESSURE;
    case GX_LENGTH:
    case GX_HEIGHT: return DIM_LENGTH;
    case GX_TEMPERATURE: return DIM_TEMPERATURE;
    case GX_FLOW: return DIM_NORM_FLOW;
    case GX_DENSITY: return DIM_DENSITY;
    case GX_MOLAR_MASS: return DIM_MOLAR_MASS;
    case GX_ENERGY_DENSITY: return DIM_ENERGY_DENSITY;
    case GX_HEAT_TRANSFER: return DIM_HEAT_TRANSFER;
    case GX_SPEED: return DIM_SPEED;
    case GX_SPECIFIC_ENERGY: return DIM_SPECIFIC_ENERGY;
    case GX_ACTUAL_FLOW: return DIM_ACTUAL_FLOW;
    case GX_POWER: return DIM_POWER;
    case GX_TORQUE: return DIM_TORQUE;
    case GX_VOLUME: return DIM_VOLUME;
    default: return DIM_NONE;
    }
}

const char *gx_quantity_name(gx_quantity q)
{
    switch (q) {
    case GX_PRESSURE: return "a pressure";
    case GX_PRESSURE_DIFF: return "a pressure difference";
    case GX_LENGTH: return "a length";
    case GX_HEIGHT: return "a height";
    case GX_TEMPERATURE: return "a temperature";
    case GX_FLOW: return "a norm volume flow";
    case GX_DENSITY: return "a density";
    case GX_MOLAR_MASS: return "a molar mass";
    case GX_ENERGY_DENSITY: return "an energy per volume";
    case GX_HEAT_TRANSFER: return "a heat transfer coefficient";
    case GX_SPEED: return "a rotational speed";
    case GX_SPECIFIC_ENERGY: return "an energy per mass";
    case GX_ACTUAL_FLOW: return "an actual volume flow";
    case GX_POWER: return "a power";
    case GX_TORQUE: return "a torque";
    case GX_VOLUME: return "a volume";
    default: return "no unit";
    }
}

gx_unit_status gx_convert(const char *unit, gx_quantity q, int in_scenario, double v, double *si)
{
    if (unit && unit[0] == '\0')
        unit = NULL;
    if (!unit) {
        if (q == GX_HEIGHT || q == GX_DIMENSIONLESS) {
            *si = v;
            return GX_UNIT_OK;
        }
        if (q == GX_FLOW && in_scenario) { /* GasLib-39 scenarios */
            *si = v * (1000.0 / 3600.0);
            return GX_UNIT_OK;
        }
        return GX_UNIT_MISSING;
    }
    const unit_entry *u = find_unit(unit);
    if (!u)
        return GX_UNIT_UNKNOWN;
    if (q == GX_DIMENSIONLESS)
        return GX_UNIT_MISFIT;
    if (u->dim == DIM_GAUGE) {
        if (q != GX_PRESSURE)
            return GX_UNIT_MISFIT;
        if (!in_scenario)
            return GX_UNIT_GAUGE;
    } else if (u->dim != dimension_of(q)) {
        return GX_UNIT_MISFIT;
    }
    *si = (v + u->offset) * u->factor;
    return GX_UNIT_OK;
}

/* ---- Numbers ---------------------------------------------------------- */

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int is_xml_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int gx_number(const gx_ctx *cx, const char *text, double *out)
{
    if (!text)
        return -1;
    const char *p = text;
    while (is_xml_space(*p))
        p++;
    const char *start = p;
    int negative = *p == '-';
    if (*p == '+' || *p == '-')
        p++;
    size_t digits = 0, fraction = 0;
    uint64_t mantissa = 0; /* the digits as an integer, while it is at most 2^53 */
    int exact = 1;
    while (is_digit(*p)) {
        if (exact) {
            mantissa = mantissa * 10 + (uint64_t)(*p - '0');
            exact = mantissa <= UINT64_C(1) << 53;
        }
        p++;
        digits++;
    }
    if (*p == '.') {
        p++;
        while (is_digit(*p)) {
            if (exact) {
                mantissa = mantissa * 10 + (uint64_t)(*p - '0');
                exact = mantissa <= UINT64_C(1) << 53;
            }
            p++;
            digits++;
            fraction++;
        }
    }
    if (digits == 0)
        return -1;
    if (*p == 'e' || *p == 'E') {
        exact = 0;
        p++;
        if (*p == '+' || *p == '-')
            p++;
        size_t exp_digits = 0;
        while (is_digit(*p)) {
            p++;
            exp_digits++;
        }
        if (exp_digits == 0)
            return -1;
    }
    const char *end = p;
    while (is_xml_space(*p))
        p++;
    if (*p != '\0')
        return -1;
    /* The usual case, a plain decimal of at most 15 or so digits: the
     * mantissa and the power of ten are both exact doubles, so their
     * quotient is correctly rounded, the very double strtod gives
     * (Clinger 1990). */
    static const double pow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                   1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    if (exact && fraction < sizeof pow10 / sizeof pow10[0]) {
        double v = (double)mantissa / pow10[fraction];
        *out = negative ? -v : v;
        return 0;
    }
    /* The syntax is checked; strtod only rounds. Its decimal point follows
     * LC_NUMERIC, so switch this thread to the C locale for the call. */
    locale_t previous = uselocale(cx->c_locale);
    char *stop = NULL;
    double v = strtod(start, &stop);
    uselocale(previous);
    if (stop != end || !isfinite(v))
        return -1;
    *out = v;
    return 0;
}

/* ---- Messages --------------------------------------------------------- */

const char *gx_clip(const char *s, char *buf, size_t n)
{
    if (n == 0)
        return buf;
    if (!s)
        s = "";
    size_t len = strlen(s);
    size_t keep = len < n ? len : n - 1;
    int cut = keep < len && n > 4;
    if (cut)
        keep = n - 4;
    for (size_t i = 0; i < keep; i++) {
        unsigned char c = (unsigned char)s[i];
        buf[i] = (c < 0x20 || c == 0x7f) ? '?' : (char)c;
    }
    if (cut) {
        memcpy(buf + keep, "...", 3);
        keep += 3;
    }
    buf[keep] = '\0';
    return buf;
}

gf_status gx_fail(gx_ctx *cx, gf_status status, int line, const char *elem, const char *id, const char *fmt, ...)
{
    char what[640];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    char id_buf[96];
    if (elem && id)
        return error_set(cx->err, status, "%s:%d: %s '%s': %s", cx->name, line, elem,
                         gx_clip(id, id_buf, sizeof id_buf), what);
    if (elem)
        return error_set(cx->err, status, "%s:%d: %s: %s", cx->name, line, elem, what);
    return error_set(cx->err, status, "%s:%d: %s", cx->name, line, what);
}

/* ---- Files ------------------------------------------------------------ */

gf_status gx_read_file(const char *path, char **out, size_t *out_len, error_info *err)
{
    *out = NULL;
    *out_len = 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return error_set(err, GF_ERR_IO, "%s: cannot open: %s", path, strerror(errno));
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap + 1);
    while (buf) {
        len += fread(buf + len, 1, cap - len, f);
        if (len < cap)
            break;
        if (cap > SIZE_MAX / 4) {
            free(buf);
            buf = NULL;
            break;
        }
        char *grown = realloc(buf, 2 * cap + 1);
        if (!grown) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = grown;
        cap *= 2;
    }
    if (!buf) {
        fclose(f);
        return error_set(err, GF_ERR_NOMEM, "%s: out of memory reading the file", path);
    }
    if (ferror(f)) {
        int e = errno;
        fclose(f);
        free(buf);
        return error_set(err, GF_ERR_IO, "%s: cannot read: %s", path, strerror(e));
    }
    fclose(f);
    buf[len] = '\0';
    *out = buf;
    *out_len = len;
    return GF_OK;
}

/* ---- Parsing ---------------------------------------------------------- */

/* State of one parse, reached from the libxml2 callbacks via ctxt->_private. */
typedef struct {
    gx_ctx *cx;
    gx_node *root, *current; /* the elements built so far, the one open */
    int nomem;               /* an element could not be allocated */
    int dtd_line;            /* > 0 once a DTD was seen */
    int error_line, error_level;
    char error_msg[400];
    gf_status element_status; /* what cx->on_element returned when it stopped the parse */
} parse_state;

static parse_state *state_of(void *ctx)
{
    return ((xmlParserCtxtPtr)ctx)->_private;
}

static int current_line(void *ctx)
{
    xmlParserCtxtPtr ctxt = ctx;
    return ctxt->input ? ctxt->input->line : 0;
}

static void free_tree(gx_node *n)
{
    while (n) {
        gx_node *next = n->next;
        free_tree(n->first);
        free(n->text);
        free(n);
        n = next;
    }
}

static void out_of_memory(void *ctx)
{
    state_of(ctx)->nomem = 1;
    xmlStopParser((xmlParserCtxtPtr)ctx);
}

/* Copies the attribute value [v, end) to out, NUL-terminated, replacing
 * character references and the five predefined entities: libxml2 hands
 * them over replaced, except '&', which it writes back as "&#38;" for a
 * tree builder to replace (no other entity can be declared: DTDs are
 * refused). A reference is never shorter than its UTF-8 text, so out needs
 * end - v + 1 bytes. Returns the length written. */
static size_t decode_value(const char *v, const char *end, char *out)
{
    static const struct {
        const char *name;
        char c;
    } named[] = {{"amp;", '&'}, {"lt;", '<'}, {"gt;", '>'}, {"quot;", '"'}, {"apos;", '\''}};
    size_t n = 0;
    while (v < end) {
        const char *semi = *v == '&' ? memchr(v, ';', (size_t)(end - v)) : NULL;
        if (!semi) {
            out[n++] = *v++;
            continue;
        }
        unsigned long code = 0;
        int known = 0;
        if (v[1] == '#') {
            int hex = v[2] == 'x';
            const char *d = v + 2 + hex;
            known = d < semi;
            for (; d < semi && known; d++) {
                int digit = *d >= '0' && *d <= '9'          ? *d - '0'
                            : hex && *d >= 'a' && *d <= 'f' ? *d - 'a' + 10
                            : hex && *d >= 'A' && *d <= 'F' ? *d - 'A' + 10
                                                            : -1;
                known = digit >= 0 && code <= 0x10FFFF;
                code = code * (hex ? 16u : 10u) + (unsigned long)(digit >= 0 ? digit : 0);
            }
            known = known && code > 0 && code <= 0x10FFFF;
        } else {
            for (size_t k = 0; k < sizeof named / sizeof named[0] && !known; k++)
                if ((size_t)(semi - v) == strlen(named[k].name) &&
                    memcmp(v + 1, named[k].name, (size_t)(semi - v)) == 0) {
                    code = (unsigned char)named[k].c;
                    known = 1;
                }
        }
        if (!known) {
            out[n++] = *v++;
            continue;
        }
        if (code < 0x80) {
            out[n++] = (char)code;
        } else if (code < 0x800) {
            out[n++] = (char)(0xC0 | (code >> 6));
            out[n++] = (char)(0x80 | (code & 0x3F));
        } else if (code < 0x10000) {
            out[n++] = (char)(0xE0 | (code >> 12));
            out[n++] = (char)(0x80 | ((code >> 6) & 0x3F));
            out[n++] = (char)(0x80 | (code & 0x3F));
        } else {
            out[n++] = (char)(0xF0 | (code >> 18));
            out[n++] = (char)(0x80 | ((code >> 12) & 0x3F));
            out[n++] = (char)(0x80 | ((code >> 6) & 0x3F));
            out[n++] = (char)(0x80 | (code & 0x3F));
        }
        v = semi + 1;
    }
    out[n] = '\0';
    return n;
}

/* One allocation per element: the record, its attributes' name and value
 * pointers, then the strings. */
static void on_start_element(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                             int nb_namespaces, const xmlChar **namespaces, int nb_attributes, int nb_defaulted,
                             const xmlChar **attributes)
{
    (void)prefix;
    (void)uri;
    (void)nb_namespaces;
    (void)namespaces;
    (void)nb_defaulted;
    parse_state *st = state_of(ctx);
    size_t n_attrs = nb_attributes > 0 ? (size_t)nb_attributes : 0;
    size_t size = sizeof(gx_node) + 2 * n_attrs * sizeof(char *) + strlen((const char *)localname) + 1;
    for (size_t a = 0; a < n_attrs; a++)
        size +=
            strlen((const char *)attributes[5 * a]) + 1 + (size_t)(attributes[5 * a + 4] - attributes[5 * a + 3]) + 1;
    gx_node *n = malloc(size);
    if (!n) {
        out_of_memory(ctx);
        return;
    }
    const char **names = (const char **)(n + 1);
    const char **values = names + n_attrs;
    char *text = (char *)(values + n_attrs);
    size_t len = strlen((const char *)localname) + 1;
    memcpy(text, localname, len);
    n->name = text;
    text += len;
    for (size_t a = 0; a < n_attrs; a++) {
        len = strlen((const char *)attributes[5 * a]) + 1;
        memcpy(text, attributes[5 * a], len);
        names[a] = text;
        text += len;
        len = decode_value((const char *)attributes[5 * a + 3], (const char *)attributes[5 * a + 4], text);
        values[a] = text;
        text += len + 1;
    }
    n->attr_name = names;
    n->attr_value = values;
    n->n_attrs = (int)n_attrs;
    n->line = current_line(ctx);
    n->text = NULL;
    n->text_len = 0;
    n->first = n->last = n->next = n->prev = NULL;
    n->parent = st->current;
    if (st->current) {
        n->prev = st->current->last;
        if (n->prev)
            n->prev->next = n;
        else
            st->current->first = n;
        st->current->last = n;
    } else if (!st->root) {
        st->root = n;
    } else { /* a second root cannot be well-formed; libxml2 says so */
        free(n);
        return;
    }
    st->current = n;
}

/* An element two levels below the root is complete: hand it to the reader,
 * and free it unless the reader keeps it. */
static void on_end_element(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
    (void)localname;
    (void)prefix;
    (void)uri;
    parse_state *st = state_of(ctx);
    gx_node *el = st->current;
    if (!el)
        return;
    st->current = el->parent;
    if (!st->cx->on_element || st->element_status != GF_OK || !el->parent || !el->parent->parent ||
        el->parent->parent->parent)
        return;
    int keep = 0;
    gf_status s = st->cx->on_element(st->cx, el, &keep, st->cx->element_data);
    if (s != GF_OK) {
        st->element_status = s;
        xmlStopParser((xmlParserCtxtPtr)ctx);
    } else if (!keep) { /* the last child of its parent */
        gx_node *parent = el->parent;
        parent->last = el->prev;
        if (el->prev)
            el->prev->next = NULL;
        else
            parent->first = NULL;
        el->next = NULL;
        free_tree(el);
    }
}

/* Character data: kept once an element has some that is not white space
 * (white space between elements is dropped; readers trim what they read). */
static void on_characters(void *ctx, const xmlChar *ch, int len)
{
    parse_state *st = state_of(ctx);
    gx_node *n = st->current;
    if (!n || len <= 0)
        return;
    if (!n->text) {
        int blank = 1;
        for (int i = 0; i < len && blank; i++)
            blank = is_xml_space((char)ch[i]);
        if (blank)
            return;
    }
    char *grown = realloc(n->text, n->text_len + (size_t)len + 1);
    if (!grown) {
        out_of_memory(ctx);
        return;
    }
    memcpy(grown + n->text_len, ch, (size_t)len);
    n->text_len += (size_t)len;
    grown[n->text_len] = '\0';
    n->text = grown;
}

/* Any DTD: note it and stop, before a single declaration is processed. */
static void refuse_dtd(void *ctx)
{
    parse_state *st = state_of(ctx);
    if (st->dtd_line == 0)
        st->dtd_line = current_line(ctx) > 0 ? current_line(ctx) : 1;
    xmlStopParser((xmlParserCtxtPtr)ctx);
}

static void on_subset(void *ctx, const xmlChar *name, const xmlChar *external_id, const xmlChar *system_id)
{
    (void)name;
    (void)external_id;
    (void)system_id;
    refuse_dtd(ctx);
}

static void on_entity_decl(void *ctx, const xmlChar *name, int type, const xmlChar *public_id, const xmlChar *system_id,
                           xmlChar *content)
{
    (void)name;
    (void)type;
    (void)public_id;
    (void)system_id;
    (void)content;
    refuse_dtd(ctx);
}

/* libxml2 2.12 made the error argument const. */
#if LIBXML_VERSION >= 21200
typedef const xmlError gx_xml_error;
#else
typedef xmlError gx_xml_error;
#endif

/* Keeps the first, most severe message (preferring one with a line); prints
 * nothing. */
static void record_error(parse_state *st, gx_xml_error *e)
{
    if (!e || e->level < XML_ERR_ERROR)
        return;
    int better = st->error_level == 0 || (st->error_level == XML_ERR_ERROR && e->level == XML_ERR_FATAL) ||
                 (st->error_line <= 0 && e->line > 0 && (int)e->level >= st->error_level);
    if (!better)
        return;
    st->error_level = (int)e->level;
    st->error_line = e->line;
    const char *msg = e->message ? e->message : "unknown error";
    size_t n = strlen(msg);
    while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == '\r' || msg[n - 1] == ' '))
        n--;
    if (n >= sizeof st->error_msg)
        n = sizeof st->error_msg - 1;
    for (size_t i = 0; i < n; i++) { /* one line: libxml2 sometimes wraps */
        unsigned char c = (unsigned char)msg[i];
        st->error_msg[i] = (c == '\n' || c == '\r' || c == '\t') ? ' ' : c < 0x20 ? '?' : (char)c;
    }
    st->error_msg[n] = '\0';
}

/* Errors raised with the parser context (data = the context). */
static void on_error(void *ctx, gx_xml_error *e)
{
    record_error(state_of(ctx), e);
}

/* Errors raised without a context, e.g. by the encoding converters (data =
 * the parse state). */
static void on_context_free_error(void *data, gx_xml_error *e)
{
    record_error(data, e);
}

static once_flag libxml_once = ONCE_FLAG_INIT;

static void init_libxml(void)
{
    xmlInitParser();
}

/* Lines started in buf[0 .. len): its newlines. */
static int count_lines(const char *buf, size_t len)
{
    int lines = 0;
    for (const char *p = buf, *end = buf + len; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
        lines++;
    return lines;
}

static const char *find_bytes(const char *buf, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= len; i++)
        if (buf[i] == needle[0] && memcmp(buf + i, needle, n) == 0)
            return buf + i;
    return NULL;
}

gf_status gx_open(gx_ctx *cx, const char *name, int in_scenario, error_info *err)
{
    memset(cx, 0, sizeof *cx);
    cx->name = name;
    cx->err = err;
    cx->in_scenario = in_scenario;
    cx->c_locale = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
    if (cx->c_locale == (locale_t)0)
        return error_set(err, GF_ERR_NOMEM, "%s: cannot create the C locale", name);
    return GF_OK;
}

gf_status gx_open_memory(gx_ctx *cx, const char *buf, size_t len, const char *name, int in_scenario, error_info *err)
{
    gf_status st = gx_open(cx, name ? name : "<memory>", in_scenario, err);
    if (st == GF_OK)
        st = gx_parse(cx, buf ? buf : "", len);
    return st;
}

void gx_close(gx_ctx *cx)
{
    free_tree(cx->root);
    if (cx->c_locale != (locale_t)0)
        freelocale(cx->c_locale);
    memset(cx, 0, sizeof *cx);
}

/* The checks before libxml2 sees the first bytes of a document: not only
 * white space, and no DOCTYPE or entity declaration (which can only stand
 * in the prolog, so the first chunk of a file is enough). at_end tells that
 * buf is the whole document. */
static gf_status check_prolog(gx_ctx *cx, const char *buf, size_t len, int at_end)
{
    size_t first = 0;
    while (first < len && is_xml_space(buf[first]))
        first++;
    if (first == len && at_end)
        return gx_fail(cx, GF_ERR_PARSE, 1 + count_lines(buf, len), NULL, NULL, "empty file (no XML document)");
    /* the prolog ends where the root element starts */
    size_t prolog = first;
    while (prolog < len) {
        const char *lt = memchr(buf + prolog, '<', len - prolog);
        if (!lt)
            break;
        prolog = (size_t)(lt - buf) + 1;
        if (prolog < len && buf[prolog] != '?' && buf[prolog] != '!')
            break;
    }
    const char *dtd = find_bytes(buf, prolog, "<!DOCTYPE");
    if (!dtd)
        dtd = find_bytes(buf, prolog, "<!ENTITY");
    if (dtd)
        return gx_fail(cx, GF_ERR_PARSE, 1 + count_lines(buf, (size_t)(dtd - buf)), NULL, NULL,
                       "DTDs and entity declarations are not accepted");
    return GF_OK;
}

/* Everything a parse shares between a document in memory and a file read
 * in chunks: the hooks, libxml2's quiet error handling and the verdict. */
typedef struct {
    parse_state st;
    xmlParserCtxtPtr ctxt;
#if LIBXML_VERSION < 21300
    xmlStructuredErrorFunc saved_handler;
    void *saved_data;
#endif
} parse_run;

/* Hooks a parser created by `create` (which gets the run). Returns 0, or -1
 * when the parser cannot be made. */
static int start_run(gx_ctx *cx, parse_run *run, xmlParserCtxtPtr (*create)(void *), void *arg)
{
    call_once(&libxml_once, init_libxml);
    memset(run, 0, sizeof *run);
    run->st.cx = cx;
#if LIBXML_VERSION < 21300
    /* Errors raised without a parser context (encoding conversion) go to
     * libxml2's structured handler, which is per thread: borrow it for this
     * parse and put the caller's back afterwards. */
    run->saved_handler = xmlStructuredError;
    run->saved_data = xmlStructuredErrorContext;
    xmlSetStructuredErrorFunc(&run->st, on_context_free_error);
#endif
    xmlParserCtxtPtr ctxt = create(arg);
    if (!ctxt) {
#if LIBXML_VERSION < 21300
        xmlSetStructuredErrorFunc(run->saved_data, run->saved_handler);
#endif
        return -1;
    }
#if LIBXML_VERSION >= 21300
    xmlCtxtSetErrorHandler(ctxt, on_context_free_error, &run->st); /* catches all */
#endif
    /* white space is dropped by on_characters: libxml2's own test for
     * ignorable blanks (XML_PARSE_NOBLANKS) only costs time here */
    xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    ctxt->_private = &run->st;
    ctxt->sax->startElementNs = on_start_element;
    ctxt->sax->endElementNs = on_end_element;
    ctxt->sax->characters = on_characters;
    ctxt->sax->cdataBlock = on_characters;
    ctxt->sax->ignorableWhitespace = on_characters; /* the same: libxml2 then skips its blank test */
    ctxt->sax->comment = NULL;
    ctxt->sax->processingInstruction = NULL;
    ctxt->sax->reference = NULL;
    ctxt->sax->internalSubset = on_subset;
    ctxt->sax->externalSubset = on_subset;
    ctxt->sax->entityDecl = on_entity_decl;
    ctxt->sax->serror = on_error;
    ctxt->sax->error = NULL;
    ctxt->sax->warning = NULL;
    run->ctxt = ctxt;
    return 0;
}

/* Ends the parse: the elements go to cx->root when the document is sound,
 * else the first error (a reader's, a DTD, libxml2's) is returned.
 * last_line: the document's last line, for errors libxml2 gives no line. */
static gf_status finish_run(gx_ctx *cx, parse_run *run, int last_line)
{
    xmlParserCtxtPtr ctxt = run->ctxt;
    parse_state *st = &run->st;
    xmlDoc *doc = ctxt->myDoc; /* libxml2's document node only: the elements are st->root's */
    int subset = doc && (doc->intSubset || doc->extSubset);
    int well_formed = ctxt->wellFormed;
    if (doc)
        xmlFreeDoc(doc);
    ctxt->myDoc = NULL;
    ctxt->_private = NULL;
    xmlFreeParserCtxt(ctxt);
#if LIBXML_VERSION < 21300
    xmlSetStructuredErrorFunc(run->saved_data, run->saved_handler);
#endif
    gx_node *root = st->root;
    gf_status status = GF_OK;
    if (st->element_status != GF_OK) /* the reader has set the message */
        status = st->element_status;
    else if (st->nomem)
        status = error_set(cx->err, GF_ERR_NOMEM, "%s: out of memory parsing the XML", cx->name);
    else if (st->dtd_line > 0 || subset)
        status = gx_fail(cx, GF_ERR_PARSE, st->dtd_line > 0 ? st->dtd_line : 1, NULL, NULL,
                         "DTDs and entity declarations are not accepted");
    else if (!root || !well_formed)
        status = st->error_level == 0 ? gx_fail(cx, GF_ERR_PARSE, last_line, NULL, NULL, "not well-formed XML")
                                      : gx_fail(cx, GF_ERR_PARSE, st->error_line > 0 ? st->error_line : 1, NULL, NULL,
                                                "not well-formed XML: %s", st->error_msg);
    if (status != GF_OK) {
        free_tree(root);
        return status;
    }
    cx->root = root;
    return GF_OK;
}

typedef struct {
    const char *buf;
    size_t len;
} memory_doc;

static xmlParserCtxtPtr create_memory_parser(void *arg)
{
    const memory_doc *m = arg;
    return xmlCreateMemoryParserCtxt(m->buf, (int)m->len);
}

gf_status gx_parse(gx_ctx *cx, const char *buf, size_t len)
{
    gf_status s = check_prolog(cx, buf, len, 1);
    if (s != GF_OK)
        return s;
    if (len > INT_MAX)
        return gx_fail(cx, GF_ERR_PARSE, 1, NULL, NULL, "file too large for the XML parser");
    memory_doc m = {buf, len};
    parse_run run;
    if (start_run(cx, &run, create_memory_parser, &m) != 0)
        return error_set(cx->err, GF_ERR_NOMEM, "%s: cannot create an XML parser", cx->name);
    xmlParseDocument(run.ctxt);
    return finish_run(cx, &run, 1 + count_lines(buf, len));
}

/* Bytes a file is read and parsed in at a time. */
#define GX_CHUNK ((size_t)1 << 20)

typedef struct {
    const char *first; /* the first chunk, at least 4 bytes for the encoding */
    int len;
    const char *name;
} push_start;

static xmlParserCtxtPtr create_push_parser(void *arg)
{
    const push_start *p = arg;
    return xmlCreatePushParserCtxt(NULL, NULL, p->first, p->len, p->name);
}

/* fread of up to n bytes; a read error becomes GF_ERR_IO. */
static gf_status read_chunk(gx_ctx *cx, FILE *f, const char *path, char *buf, size_t n, size_t *got)
{
    *got = fread(buf, 1, n, f);
    if (*got < n && ferror(f))
        return error_set(cx->err, GF_ERR_IO, "%s: cannot read: %s", path, strerror(errno));
    return GF_OK;
}

gf_status gx_parse_file(gx_ctx *cx, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return error_set(cx->err, GF_ERR_IO, "%s: cannot open: %s", path, strerror(errno));
    char *buf = malloc(GX_CHUNK);
    if (!buf) {
        fclose(f);
        return error_set(cx->err, GF_ERR_NOMEM, "%s: out of memory reading the file", path);
    }
    size_t got;
    gf_status s = read_chunk(cx, f, path, buf, GX_CHUNK, &got);
    if (s == GF_OK)
        s = check_prolog(cx, buf, got, got < GX_CHUNK);
    int lines = 1;
    parse_run run;
    if (s == GF_OK) {
        push_start ps = {buf, got < 4 ? (int)got : 4, path};
        if (start_run(cx, &run, create_push_parser, &ps) != 0)
            s = error_set(cx->err, GF_ERR_NOMEM, "%s: cannot create an XML parser", cx->name);
    }
    if (s != GF_OK) {
        free(buf);
        fclose(f);
        return s;
    }
    size_t off = got < 4 ? got : 4; /* the encoding probe took these */
    for (;;) {
        lines += count_lines(buf, got);
        int last = got < GX_CHUNK;
        xmlParseChunk(run.ctxt, buf + off, (int)(got - off), last);
        if (last || run.ctxt->disableSAX || run.ctxt->instate == XML_PARSER_EOF)
            break;
        off = 0;
        if ((s = read_chunk(cx, f, path, buf, GX_CHUNK, &got)) != GF_OK)
            break;
    }
    free(buf);
    fclose(f);
    if (s == GF_OK)
        return finish_run(cx, &run, lines);
    error_info *err = cx->err, scratch; /* the parse's verdict must not replace the read error */
    cx->err = &scratch;
    finish_run(cx, &run, lines);
    cx->err = err;
    free_tree(cx->root);
    cx->root = NULL;
    return s;
}

/* ---- Elements --------------------------------------------------------- */

const gx_node *gx_root(const gx_ctx *cx)
{
    return cx->root;
}

const char *gx_local_name(const gx_node *n)
{
    return n ? n->name : "";
}

int gx_is(const gx_node *n, const char *local_name)
{
    return n && strcmp(n->name, local_name) == 0;
}

const gx_node *gx_first_element(const gx_node *parent)
{
    return parent ? parent->first : NULL;
}

const gx_node *gx_next_element(const gx_node *n)
{
    return n ? n->next : NULL;
}

int gx_line(const gx_node *n)
{
    return n ? n->line : 0;
}

const char *gx_text(const gx_node *n)
{
    return n && n->text ? n->text : "";
}

const char *gx_attr(const gx_node *el, const char *name)
{
    for (int a = 0; a < el->n_attrs; a++)
        if (el->attr_name[a][0] == name[0] && strcmp(el->attr_name[a], name) == 0)
            return el->attr_value[a];
    return NULL;
}

/* ---- Values ----------------------------------------------------------- */

gf_status gx_value(gx_ctx *cx, const gx_node *el, const char *elem, const char *id, gx_quantity q, double *out)
{
    const char *label = gx_local_name(el);
    int line = gx_line(el);
    char buf[64];
    const char *text = gx_attr(el, "value");
    if (!text)
        return gx_fail(cx, GF_ERR_INPUT, line, elem, id, "'%s' has no value", label);
    double v;
    if (gx_number(cx, text, &v) != 0)
        return gx_fail(cx, GF_ERR_INPUT, line, elem, id, "'%s' is not a number (%s)", gx_clip(text, buf, sizeof buf),
                       label);
    const char *unit = gx_attr(el, "unit");
    switch (gx_convert(unit, q, cx->in_scenario, v, out)) {
    case GX_UNIT_OK: break;
    case GX_UNIT_MISSING:
        return gx_fail(cx, GF_ERR_INPUT, line, elem, id, "missing unit for %s (expected %s)", label,
                       gx_quantity_name(q));
    case GX_UNIT_UNKNOWN:
        return gx_fail(cx, GF_ERR_INPUT, line, elem, id, "unknown unit '%s' for %s", gx_clip(unit, buf, sizeof buf),
                       label);
    case GX_UNIT_MISFIT:
        return gx_fail(cx, GF_ERR_INPUT, line, elem, id, "unit '%s' does not fit %s (expected %s)",
                       gx_clip(unit, buf, sizeof buf), label, gx_quantity_name(q));
    case GX_UNIT_GAUGE:
        return gx_fail(cx, GF_ERR_INPUT, line, elem, id, "gauge unit 'barg' is accepted only in scenario files (%s)",
                       label);
    }
    if (!isfinite(*out))
        return gx_fail(cx, GF_ERR_INPUT, line, elem, id, "%s is out of range", label);
    return GF_OK;
}

gf_status gx_flag(gx_ctx *cx, const gx_node *el, const char *attr, const char *elem, const char *id, int *out)
{
    const char *text = gx_attr(el, attr);
    if (!text) {
        *out = -1;
        return GF_OK;
    }
    if (strcmp(text, "0") == 0 || strcmp(text, "false") == 0) {
        *out = 0;
    } else if (strcmp(text, "1") == 0 || strcmp(text, "true") == 0) {
        *out = 1;
    } else {
        char buf[64];
        return gx_fail(cx, GF_ERR_INPUT, gx_line(el), elem, id, "'%s' is not a flag 0 or 1 (%s)",
                       gx_clip(text, buf, sizeof buf), attr);
    }
    return GF_OK;
}
