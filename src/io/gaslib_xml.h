/* Shared machinery of the GasLib readers (internal to src/io): reading a file,
 * parsing it safely with libxml2, walking elements by local name, building
 * "FILE:LINE: element 'ID': ..." messages, and the one unit conversion that
 * every value of a GasLib file goes through (FORMAT.md §5).
 *
 * Files including this header must define _POSIX_C_SOURCE >= 200809L before
 * any system header (the context keeps a POSIX C locale for strtod). */
#ifndef GF_IO_GASLIB_XML_H
#define GF_IO_GASLIB_XML_H

#include <locale.h>
#include <stddef.h>

#include "util/error.h"

/* What a value measures; decides which unit tokens fit and the SI result. */
typedef enum {
    GX_PRESSURE,        /* Pa absolute: bar; barg (gauge) only in scenarios */
    GX_PRESSURE_DIFF,   /* Pa, a difference or loss: bar */
    GX_LENGTH,          /* m: km, m, meter, mm */
    GX_HEIGHT,          /* m: as length, and no unit means metres (legacy) */
    GX_TEMPERATURE,     /* K: Celsius, K */
    GX_FLOW,            /* m^3/s at norm conditions: 1000m_cube_per_hour; in
                           scenarios no unit means 1000m_cube_per_hour */
    GX_DENSITY,         /* kg/m^3: kg_per_m_cube */
    GX_MOLAR_MASS,      /* kg/mol: kg_per_kmol */
    GX_ENERGY_DENSITY,  /* J/m^3: MJ_per_m_cube */
    GX_HEAT_TRANSFER,   /* W/(m^2 K): W_per_m_square_per_K */
    GX_SPEED,           /* 1/s, rotational speed: per_min (.cs) */
    GX_SPECIFIC_ENERGY, /* J/kg, e.g. adiabatic head: kJ_per_kg (.cs) */
    GX_ACTUAL_FLOW,     /* m^3/s at actual (inlet) conditions: m_cube_per_s (.cs) */
    GX_POWER,           /* W: kW (.cs) */
    GX_TORQUE,          /* N m: kNm (.cs) */
    GX_VOLUME,          /* m^3: m_cube (.cs) */
    GX_DIMENSIONLESS    /* no unit allowed */
} gx_quantity;

typedef enum {
    GX_UNIT_OK = 0,
    GX_UNIT_MISSING, /* no unit where the quantity needs one */
    GX_UNIT_UNKNOWN, /* token not in the table */
    GX_UNIT_MISFIT,  /* known token of another dimension */
    GX_UNIT_GAUGE    /* barg outside a scenario */
} gx_unit_status;

/* Converts value v given in `unit` (NULL when the attribute is absent) to SI
 * for quantity q. in_scenario enables barg and unit-less flows. */
gx_unit_status gx_convert(const char *unit, gx_quantity q, int in_scenario, double v, double *si);
/* "a length", "a pressure", ... for messages. */
const char *gx_quantity_name(gx_quantity q);

/* An element: its local name (namespace prefixes dropped), attributes by
 * local name, the line of its start tag, its character data (NULL when
 * none but white space) and its child elements. Comments and processing
 * instructions are not kept. */
typedef struct gx_node {
    const char *name;
    int line;
    int n_attrs;
    const char **attr_name, **attr_value;
    char *text;
    size_t text_len;
    struct gx_node *parent, *first, *last, *next, *prev;
} gx_node;

/* One reading of one file. */
typedef struct gx_ctx {
    const char *name; /* file name for messages, as given */
    error_info *err;
    int in_scenario;
    locale_t c_locale; /* numbers are read in the C locale, whatever the process uses */
    gx_node *root;     /* the document's elements, once parsed */
    /* Optional, set before parsing: called for each element two levels
     * below the root (a node inside <nodes>, say) as soon as its end tag is
     * parsed. It returns GF_OK and the element is freed at once, unless it
     * sets *keep, which leaves it in the tree; any other status (with its
     * message set through gx_fail) stops the parse and is returned. A large
     * file then never has its whole tree in memory. */
    gf_status (*on_element)(struct gx_ctx *cx, gx_node *el, int *keep, void *data);
    void *element_data;
} gx_ctx;

/* Reads a whole file into a malloc'ed buffer. GF_ERR_IO with strerror. */
gf_status gx_read_file(const char *path, char **buf, size_t *len, error_info *err);

/* Prepares cx; returns GF_ERR_NOMEM if the C locale cannot be made. */
gf_status gx_open(gx_ctx *cx, const char *name, int in_scenario, error_info *err);
/* Parses buf into cx->root with libxml2's SAX2 parser, building gx_node
 * records instead of libxml2's tree (one allocation per element): rejects
 * DTDs before parsing, never touches the network, keeps libxml2 quiet and
 * turns its first error into GF_ERR_PARSE. */
gf_status gx_parse(gx_ctx *cx, const char *buf, size_t len);
/* As gx_parse, for the file at path, read and parsed in chunks of 1 MiB
 * (with on_element set, memory stays bounded whatever the file's size).
 * Errors of the file itself are GF_ERR_IO with strerror. */
gf_status gx_parse_file(gx_ctx *cx, const char *path);
void gx_close(gx_ctx *cx);
/* gx_open, then gx_parse of buf (len bytes; NULL only with len 0): the
 * start of every reader of a document in memory. name may be NULL
 * ("<memory>"); cx->name holds the name used until gx_close. */
gf_status gx_open_memory(gx_ctx *cx, const char *buf, size_t len, const char *name, int in_scenario, error_info *err);

/* Element walking by local name (namespace prefixes and URIs ignored). */
const gx_node *gx_root(const gx_ctx *cx);
const char *gx_local_name(const gx_node *n);
int gx_is(const gx_node *n, const char *local_name);
const gx_node *gx_first_element(const gx_node *parent);
const gx_node *gx_next_element(const gx_node *n);
/* Line of the element's start tag (the line its '>' is on). */
int gx_line(const gx_node *n);
/* The element's character data, untrimmed; "" when none. */
const char *gx_text(const gx_node *n);
/* Attribute by local name, borrowed until gx_close; NULL if absent. */
const char *gx_attr(const gx_node *el, const char *name);

/* Sets "NAME:LINE: ELEM 'ID': <fmt>" (ELEM/ID parts left out when NULL)
 * and returns status (GF_ERR_NOMEM instead if an allocation failed). */
gf_status gx_fail(gx_ctx *cx, gf_status status, int line, const char *elem, const char *id, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

/* Copies s into buf (size n) for a message: control characters become '?',
 * long strings are cut with "...". Returns buf. */
const char *gx_clip(const char *s, char *buf, size_t n);

/* Parses a decimal number ("8e-06", "-1100", "0.0"; surrounding XML
 * whitespace is tolerated) in the C locale whatever the process locale;
 * rejects empty text, trailing garbage, hex, NaN, infinities and overflow.
 * 0 on success, -1 otherwise. */
int gx_number(const gx_ctx *cx, const char *text, double *out);

/* Reads the value/unit attributes of a value element such as
 * <length unit="km" value="55"/> and converts to SI. Errors name the owner
 * (elem 'id') and the element's own name and line. */
gf_status gx_value(gx_ctx *cx, const gx_node *el, const char *elem, const char *id, gx_quantity q, double *out);

/* Optional 0/1 attribute (also "true"/"false"); -1 when absent. */
gf_status gx_flag(gx_ctx *cx, const gx_node *el, const char *attr, const char *elem, const char *id, int *out);

#endif
