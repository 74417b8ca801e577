/* GasLib compressor station reader (.cs, FORMAT.md §6). Each machine, drive
 * or measurement is filled from its children through a table (child name or
 * numbered family such as n_isoline_coeff_1..9, quantity, field, checks), so
 * order, namespaces and comments do not matter. The format is small and fully
 * described, so any child not in FORMAT.md §6 is an error rather than
 * silently dropped data; only attributes we do not use (xsi:...) are ignored.
 * Per station, drives are read first, then compressors (which name a drive),
 * then configurations (which name compressors); ids are unique per station
 * (GasLib-582 reuses compressor and drive ids across stations). */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include "io/gaslib_cs.h"
#include "io/gaslib_xml.h"

#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/text.h"

enum {
    F_REQUIRED = 1,   /* the child must be present */
    F_POSITIVE = 2,   /* value > 0 */
    F_NONNEG = 4,     /* value >= 0 */
    F_AT_MOST_ONE = 8 /* value <= 1 (efficiencies, fractions) */
};

/* A value child, or a numbered family name1..nameN of them, and the
 * double(s) it fills. */
typedef struct {
    const char *name;
    int count; /* 1: exactly `name`; N > 1: `name` followed by 1..N */
    gx_quantity q;
    size_t offset; /* of the (first) double in the target struct */
    unsigned flags;
} value_spec;

#define MAX_SLOTS 32 /* doubles per spec table; turbo_specs has 27 */
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define ONE(name, q, type, member, flags)                                                                              \
    {                                                                                                                  \
        name, 1, q, offsetof(type, member), flags                                                                      \
    }
#define FAMILY(name, n, type, member)                                                                                  \
    {                                                                                                                  \
        name, n, GX_DIMENSIONLESS, offsetof(type, member), F_REQUIRED                                                  \
    }

static const value_spec turbo_specs[] = {
    ONE("speedMin", GX_SPEED, cs_compressor, speed_min, F_REQUIRED | F_NONNEG),
    ONE("speedMax", GX_SPEED, cs_compressor, speed_max, F_REQUIRED | F_POSITIVE),
    FAMILY("n_isoline_coeff_", 9, cs_compressor, head_coeff),
    FAMILY("eta_ad_isoline_coeff_", 9, cs_compressor, eta_coeff),
    FAMILY("surgeline_coeff_", 3, cs_compressor, surge_coeff),
    FAMILY("chokeline_coeff_", 3, cs_compressor, choke_coeff),
    ONE("efficiencyOfChokeline", GX_DIMENSIONLESS, cs_compressor, eta_choke, F_POSITIVE | F_AT_MOST_ONE),
};

static const value_spec piston_specs[] = {
    ONE("speedMin", GX_SPEED, cs_compressor, speed_min, F_REQUIRED | F_NONNEG),
    ONE("speedMax", GX_SPEED, cs_compressor, speed_max, F_REQUIRED | F_POSITIVE),
    ONE("operatingVolume", GX_VOLUME, cs_compressor, operating_volume, F_REQUIRED | F_POSITIVE),
    ONE("maximalTorque", GX_TORQUE, cs_compressor, max_torque, F_REQUIRED | F_NONNEG),
    ONE("maximalCompressionRatio", GX_DIMENSIONLESS, cs_compressor, max_ratio, F_REQUIRED | F_POSITIVE),
    ONE("adiabaticEfficiency", GX_DIMENSIONLESS, cs_compressor, piston_efficiency,
        F_REQUIRED | F_POSITIVE | F_AT_MOST_ONE),
    ONE("additionalReductionVolFlow", GX_DIMENSIONLESS, cs_compressor, reduction_vol_flow,
        F_REQUIRED | F_NONNEG | F_AT_MOST_ONE),
};

static const value_spec turbine_specs[] = {
    FAMILY("energy_rate_fun_coeff_", 3, cs_drive, energy_coeff),
    FAMILY("power_fun_coeff_", 9, cs_drive, power_coeff),
};

static const value_spec motor_specs[] = {
    FAMILY("energy_rate_fun_coeff_", 3, cs_drive, energy_coeff),
    FAMILY("power_fun_coeff_", 3, cs_drive, power_coeff),
};

static const value_spec map_point_specs[] = {
    ONE("speed", GX_SPEED, cs_map_point, speed, F_REQUIRED | F_POSITIVE),
    ONE("adiabaticHead", GX_SPECIFIC_ENERGY, cs_map_point, head, F_REQUIRED),
    ONE("volumetricFlowrate", GX_ACTUAL_FLOW, cs_map_point, flow, F_REQUIRED | F_NONNEG),
};

static const value_spec fuel_point_specs[] = {
    ONE("compressorPower", GX_POWER, cs_fuel_point, shaft_power, F_REQUIRED | F_NONNEG),
    ONE("fuelConsumption", GX_POWER, cs_fuel_point, fuel_power, F_REQUIRED | F_NONNEG),
};

static const value_spec power_point_specs[] = {
    ONE("speed", GX_SPEED, cs_power_point, speed, F_REQUIRED | F_POSITIVE),
    ONE("maximalPower", GX_POWER, cs_power_point, max_power, F_REQUIRED | F_NONNEG),
};

/* Who is being read, for messages "FILE:LINE: elem 'id': ...". */
typedef struct {
    gx_ctx *cx;
    const char *elem;
    const char *id; /* NULL until known */
} owner;

/* " in NAME" when el is a part of the owner (a measurement, a stage), else "". */
static const char *part(const owner *o, const gx_node *el, char *buf, size_t n)
{
    const char *name = gx_local_name(el);
    if (o->elem && strcmp(o->elem, name) == 0)
        return "";
    snprintf(buf, n, " in %s", name);
    return buf;
}

#define FAIL(o, line, ...) gx_fail((o)->cx, GF_ERR_INPUT, (line), (o)->elem, (o)->id, __VA_ARGS__)

/* File text (names, references) made safe and short for a message. */
typedef struct {
    char text[96];
} clipped;

static clipped clip(const char *s)
{
    clipped c;
    gx_clip(s, c.text, sizeof c.text);
    return c;
}

/* ---- Value children --------------------------------------------------- */

/* Which spec names child `name` (*spec) and which of its doubles (*index);
 * returns the child's slot among all doubles of specs, or -1. */
static int spec_slot(const value_spec *specs, size_t n, const char *name, size_t *spec, int *index)
{
    int slot = 0;
    for (size_t k = 0; k < n; slot += specs[k].count, k++) {
        size_t len = strlen(specs[k].name);
        if (strncmp(name, specs[k].name, len) != 0)
            continue;
        const char *rest = name + len;
        int i = 0;
        if (specs[k].count == 1) {
            if (*rest != '\0')
                continue;
        } else {
            /* 1..count (at most 9 in the format): one digit, no sign or zero */
            if (rest[0] < '1' || rest[0] > '9' || rest[1] != '\0' || rest[0] - '0' > specs[k].count)
                continue;
            i = rest[0] - '1';
        }
        *spec = k;
        *index = i;
        return slot + i;
    }
    return -1;
}

static int is_listed(const char *name, const char *const *list)
{
    for (; list && *list; list++)
        if (strcmp(name, *list) == 0)
            return 1;
    return 0;
}

/* Fills the doubles of `base` from the value children of el. Children named
 * in `containers` (NULL-terminated) are left to the caller; any other child
 * not in specs, a child given twice, a missing required child or a value
 * out of range is an error. */
static gf_status read_values(const owner *o, const gx_node *el, const value_spec *specs, size_t n, void *base,
                             const char *const *containers)
{
    int seen[MAX_SLOTS] = {0};
    for (const gx_node *c = gx_first_element(el); c; c = gx_next_element(c)) {
        const char *name = gx_local_name(c);
        int line = gx_line(c);
        size_t k = 0;
        int i = 0;
        int slot = spec_slot(specs, n, name, &k, &i);
        if (slot < 0) {
            if (is_listed(name, containers))
                continue;
            char in[80];
            return FAIL(o, line, "unknown element '%s'%s", clip(name).text, part(o, el, in, sizeof in));
        }
        if (seen[slot])
            return FAIL(o, line, "'%s' given twice (first at line %d)", name, seen[slot]);
        seen[slot] = line > 0 ? line : 1;
        double *value = (double *)((char *)base + specs[k].offset) + i;
        gf_status st = gx_value(o->cx, c, o->elem, o->id, specs[k].q, value);
        if (st != GF_OK)
            return st;
        unsigned f = specs[k].flags;
        if ((f & F_POSITIVE) && !(*value > 0.0))
            return FAIL(o, line, "%s must be > 0", name);
        if ((f & F_NONNEG) && !(*value >= 0.0))
            return FAIL(o, line, "%s must be >= 0", name);
        if ((f & F_AT_MOST_ONE) && !(*value <= 1.0))
            return FAIL(o, line, "%s must be <= 1", name);
    }
    int slot = 0;
    for (size_t k = 0; k < n; slot += specs[k].count, k++) {
        if (!(specs[k].flags & F_REQUIRED))
            continue;
        for (int i = 0; i < specs[k].count; i++) {
            if (seen[slot + i])
                continue;
            char in[80];
            if (specs[k].count == 1)
                return FAIL(o, gx_line(el), "missing required value '%s'%s", specs[k].name, part(o, el, in, sizeof in));
            return FAIL(o, gx_line(el), "missing required value '%s%d'%s", specs[k].name, i + 1,
                        part(o, el, in, sizeof in));
        }
    }
    return GF_OK;
}

/* ---- Attributes ------------------------------------------------------- */

/* A required, non-empty attribute; NULL (with *st set) when absent. */
static const char *required_attr(const owner *o, const gx_node *el, const char *name, gf_status *st)
{
    const char *v = gx_attr(el, name);
    if (v && v[0] != '\0')
        return v;
    char in[80];
    *st = FAIL(o, gx_line(el), "missing required attribute '%s'%s", name, part(o, el, in, sizeof in));
    return NULL;
}

/* A required numeric attribute, no unit. */
static gf_status number_attr(const owner *o, const gx_node *el, const char *name, double *out)
{
    gf_status st = GF_OK;
    const char *text = required_attr(o, el, name, &st);
    if (!text)
        return st;
    char in[80];
    if (gx_number(o->cx, text, out) != 0)
        return FAIL(o, gx_line(el), "'%s' is not a number (%s%s)", clip(text).text, name, part(o, el, in, sizeof in));
    return GF_OK;
}

/* A required whole-number attribute >= min. */
static gf_status count_attr(const owner *o, const gx_node *el, const char *name, int min, int *out)
{
    double v = NAN;
    gf_status st = number_attr(o, el, name, &v);
    if (st != GF_OK)
        return st;
    if (!(v >= min && v <= INT_MAX / 2 && v == floor(v)))
        return FAIL(o, gx_line(el), "%s must be a whole number >= %d", name, min);
    *out = (int)v;
    return GF_OK;
}

/* ---- Children ---------------------------------------------------------- */

/* Number of element children of el, all of which must be named `a` or `b`. */
static gf_status count_children(const owner *o, const gx_node *el, const char *a, const char *b, size_t *n)
{
    *n = 0;
    for (const gx_node *c = gx_first_element(el); c; c = gx_next_element(c)) {
        const char *name = gx_local_name(c);
        if (strcmp(name, a) != 0 && (!b || strcmp(name, b) != 0)) {
            if (b)
                return FAIL(o, gx_line(c), "unknown element '%s' in %s (expected %s or %s)", clip(name).text,
                            gx_local_name(el), a, b);
            return FAIL(o, gx_line(c), "unknown element '%s' in %s (expected %s)", clip(name).text, gx_local_name(el),
                        a);
        }
        (*n)++;
    }
    return GF_OK;
}

/* The child of el named `name`, NULL when absent; given twice is an error. */
static gf_status unique_child(const owner *o, const gx_node *el, const char *name, const gx_node **out)
{
    *out = NULL;
    for (const gx_node *c = gx_first_element(el); c; c = gx_next_element(c)) {
        if (!gx_is(c, name))
            continue;
        if (*out)
            return FAIL(o, gx_line(c), "'%s' given twice (first at line %d)", name, gx_line(*out));
        *out = c;
    }
    return GF_OK;
}

/* Zeroed array of n elements; NULL for n == 0 is fine, else out of memory. */
static gf_status alloc_array(const owner *o, int line, size_t n, size_t size, void **out)
{
    *out = n ? calloc(n, size) : NULL;
    if (n && !*out)
        return gx_fail(o->cx, GF_ERR_NOMEM, line, o->elem, o->id, "out of memory");
    return GF_OK;
}

/* The <measurement> children of `list`, each read with specs into an array
 * of `size`-byte points. */
static gf_status read_points(const owner *o, const gx_node *list, const value_spec *specs, size_t n_specs, size_t size,
                             void **points, size_t *n_points)
{
    size_t n;
    gf_status st = count_children(o, list, "measurement", NULL, &n);
    if (st == GF_OK)
        st = alloc_array(o, gx_line(list), n, size, points);
    if (st != GF_OK)
        return st;
    *n_points = n;
    size_t k = 0;
    for (const gx_node *c = gx_first_element(list); c && st == GF_OK; c = gx_next_element(c), k++)
        st = read_values(o, c, specs, n_specs, (char *)*points + k * size, NULL);
    return st;
}

/* ---- Compressors ------------------------------------------------------- */

static gf_status read_diagram(const owner *o, const gx_node *diagram, cs_compressor *c)
{
    size_t n_iso, total = 0;
    gf_status st = count_children(o, diagram, "adiabaticEfficiency", NULL, &n_iso);
    for (const gx_node *iso = gx_first_element(diagram); iso && st == GF_OK; iso = gx_next_element(iso)) {
        size_t n;
        st = count_children(o, iso, "measurement", NULL, &n);
        total += n;
    }
    if (st == GF_OK)
        st = alloc_array(o, gx_line(diagram), total, sizeof *c->map_points, (void **)&c->map_points);
    for (const gx_node *iso = gx_first_element(diagram); iso && st == GF_OK; iso = gx_next_element(iso)) {
        double eta = NAN;
        if ((st = number_attr(o, iso, "value", &eta)) != GF_OK)
            break;
        if (!(eta > 0.0 && eta <= 1.0))
            return FAIL(o, gx_line(iso), "adiabaticEfficiency %g must be in (0, 1]", eta);
        for (const gx_node *m = gx_first_element(iso); m && st == GF_OK; m = gx_next_element(m)) {
            cs_map_point *p = &c->map_points[c->n_map_points++];
            p->efficiency = eta;
            st = read_values(o, m, map_point_specs, COUNT(map_point_specs), p, NULL);
        }
    }
    return st;
}

static gf_status read_turbo(const owner *o, const gx_node *el, cs_compressor *c)
{
    static const char *const containers[] = {"surgelineMeasurements", "characteristicDiagramMeasurements", NULL};
    const gx_node *surge, *diagram;
    gf_status st = read_values(o, el, turbo_specs, COUNT(turbo_specs), c, containers);
    if (st == GF_OK)
        st = unique_child(o, el, containers[0], &surge);
    if (st == GF_OK)
        st = unique_child(o, el, containers[1], &diagram);
    if (st == GF_OK && surge) {
        st = read_points(o, surge, map_point_specs, COUNT(map_point_specs), sizeof *c->surge_points,
                         (void **)&c->surge_points, &c->n_surge_points);
        for (size_t k = 0; st == GF_OK && k < c->n_surge_points; k++)
            c->surge_points[k].efficiency = NAN;
    }
    if (st == GF_OK && diagram)
        st = read_diagram(o, diagram, c);
    return st;
}

static gf_status read_piston(const owner *o, const gx_node *el, cs_compressor *c)
{
    gf_status st = read_values(o, el, piston_specs, COUNT(piston_specs), c, NULL);
    if (st == GF_OK && !(c->max_ratio >= 1.0))
        st = FAIL(o, gx_line(el), "maximalCompressionRatio %g must be >= 1", c->max_ratio);
    return st;
}

static void init_compressor(cs_compressor *c, compressor_kind kind, int line)
{
    c->kind = kind;
    c->line = line;
    c->drive = -1;
    c->speed_min = c->speed_max = NAN;
    for (int k = 0; k < 9; k++)
        c->head_coeff[k] = c->eta_coeff[k] = NAN;
    for (int k = 0; k < 3; k++)
        c->surge_coeff[k] = c->choke_coeff[k] = NAN;
    c->eta_choke = NAN;
    c->operating_volume = c->max_torque = c->max_ratio = NAN;
    c->piston_efficiency = c->reduction_vol_flow = NAN;
}

/* The id of a compressor (drive 0) or drive (drive 1) of station s: given,
 * and not yet taken by another of its kind in the station. Becomes o->id;
 * NULL with *st set when not. */
static const char *new_id(owner *o, const gx_node *el, const cs_station *s, int drive, gf_status *st)
{
    const char *id = required_attr(o, el, "id", st);
    if (!id)
        return NULL;
    o->id = id;
    int dup = drive ? cs_station_find_drive(s, id) : cs_station_find_compressor(s, id);
    if (dup < 0)
        return id;
    *st = FAIL(o, gx_line(el), "duplicate %s id in station '%s' (first at line %d)", drive ? "drive" : "compressor",
               clip(s->id).text, drive ? s->drives[dup].line : s->compressors[dup].line);
    return NULL;
}

/* Compressor k of station s from element el. */
static gf_status read_compressor(gx_ctx *cx, cs_station *s, size_t k, const gx_node *el)
{
    compressor_kind kind = gx_is(el, "turboCompressor") ? COMPRESSOR_TURBO : COMPRESSOR_PISTON;
    owner o = {cx, gx_local_name(el), NULL};
    int line = gx_line(el);
    gf_status st = GF_OK;
    const char *id = new_id(&o, el, s, 0, &st);
    if (!id)
        return st;
    cs_compressor *c = &s->compressors[k];
    init_compressor(c, kind, line);
    if (!(c->id = text_copy(id)))
        return gx_fail(cx, GF_ERR_NOMEM, line, o.elem, id, "out of memory");
    const char *drive = required_attr(&o, el, "drive", &st);
    if (!drive)
        return st;
    c->drive = cs_station_find_drive(s, drive);
    if (c->drive < 0)
        return FAIL(&o, line, "unknown drive '%s' (not among the drives of station '%s')", clip(drive).text,
                    clip(s->id).text);
    st = kind == COMPRESSOR_TURBO ? read_turbo(&o, el, c) : read_piston(&o, el, c);
    if (st == GF_OK && c->speed_min > c->speed_max)
        st = FAIL(&o, line, "speedMin (%g per_min) > speedMax (%g per_min)", 60.0 * c->speed_min, 60.0 * c->speed_max);
    return st;
}

/* ---- Drives ------------------------------------------------------------ */

static gf_status read_drive(gx_ctx *cx, cs_station *s, size_t k, const gx_node *el)
{
    static const char *const containers[] = {"specificEnergyConsumptionMeasurements", "maximalPowerMeasurements", NULL};
    drive_kind kind = gx_is(el, "gasTurbine") ? DRIVE_GAS_TURBINE : DRIVE_GAS_DRIVEN_MOTOR;
    owner o = {cx, gx_local_name(el), NULL};
    int line = gx_line(el);
    gf_status st = GF_OK;
    const char *id = new_id(&o, el, s, 1, &st);
    if (!id)
        return st;
    cs_drive *d = &s->drives[k];
    d->kind = kind;
    d->line = line;
    if (!(d->id = text_copy(id)))
        return gx_fail(cx, GF_ERR_NOMEM, line, o.elem, id, "out of memory");
    if (kind == DRIVE_GAS_TURBINE) {
        d->n_power_coeff = 9;
        return read_values(&o, el, turbine_specs, COUNT(turbine_specs), d, NULL);
    }
    d->n_power_coeff = 3;
    const gx_node *fuel, *power;
    st = read_values(&o, el, motor_specs, COUNT(motor_specs), d, containers);
    if (st == GF_OK)
        st = unique_child(&o, el, containers[0], &fuel);
    if (st == GF_OK)
        st = unique_child(&o, el, containers[1], &power);
    if (st == GF_OK && fuel)
        st = read_points(&o, fuel, fuel_point_specs, COUNT(fuel_point_specs), sizeof *d->fuel_points,
                         (void **)&d->fuel_points, &d->n_fuel_points);
    if (st == GF_OK && power)
        st = read_points(&o, power, power_point_specs, COUNT(power_point_specs), sizeof *d->power_points,
                         (void **)&d->power_points, &d->n_power_points);
    return st;
}

/* ---- Configurations ---------------------------------------------------- */

/* Whether compressor index `comp` already runs in cf (stages read so far). */
static int uses_compressor(const cs_configuration *cf, int comp)
{
    for (size_t i = 0; i < cf->n_stages; i++)
        for (size_t j = 0; j < cf->stages[i].n_units; j++)
            if (cf->stages[i].units[j].compressor == comp)
                return 1;
    return 0;
}

static gf_status read_stage(const owner *o, const cs_station *s, cs_configuration *cf, const gx_node *el)
{
    int nr = 0, parallel = 0;
    size_t n;
    gf_status st = count_attr(o, el, "stageNr", 1, &nr);
    if (st == GF_OK)
        st = count_attr(o, el, "nrOfParallelUnits", 1, &parallel);
    if (st == GF_OK)
        st = count_children(o, el, "compressor", NULL, &n);
    if (st != GF_OK)
        return st;
    int line = gx_line(el);
    if ((size_t)nr > cf->n_stages)
        return FAIL(o, line, "stageNr %d exceeds nrOfSerialStages %zu", nr, cf->n_stages);
    cs_stage *stage = &cf->stages[nr - 1];
    if (stage->stage_nr)
        return FAIL(o, line, "stageNr %d given twice", nr);
    if ((size_t)parallel != n)
        return FAIL(o, line, "stage %d: nrOfParallelUnits is %d but %zu compressors are listed", nr, parallel, n);
    stage->stage_nr = nr;
    if ((st = alloc_array(o, line, n, sizeof *stage->units, (void **)&stage->units)) != GF_OK)
        return st;
    for (const gx_node *c = gx_first_element(el); c; c = gx_next_element(c)) {
        const char *ref = required_attr(o, c, "id", &st);
        if (!ref)
            return st;
        int comp = cs_station_find_compressor(s, ref);
        if (comp < 0)
            return FAIL(o, gx_line(c), "unknown compressor '%s' (not among the compressors of station '%s')",
                        clip(ref).text, clip(s->id).text);
        if (uses_compressor(cf, comp))
            return FAIL(o, gx_line(c), "compressor '%s' used twice", clip(ref).text);
        double rpm = NAN, speed = NAN;
        if ((st = number_attr(o, c, "nominalSpeed", &rpm)) != GF_OK)
            return st;
        gx_convert("per_min", GX_SPEED, 0, rpm, &speed);
        if (!(speed >= 0.0))
            return FAIL(o, gx_line(c), "nominalSpeed must be >= 0");
        stage->units[stage->n_units].compressor = comp;
        stage->units[stage->n_units].nominal_speed = speed;
        stage->n_units++;
    }
    return GF_OK;
}

static gf_status read_configuration(gx_ctx *cx, cs_station *s, size_t k, const gx_node *el)
{
    owner o = {cx, "configuration", NULL};
    int line = gx_line(el);
    gf_status st = GF_OK;
    const char *id = required_attr(&o, el, "confId", &st);
    if (!id)
        return st;
    o.id = id;
    int dup = cs_station_find_configuration(s, id);
    if (dup >= 0)
        return FAIL(&o, line, "duplicate confId in station '%s' (first at line %d)", clip(s->id).text,
                    s->configurations[dup].line);
    cs_configuration *cf = &s->configurations[k];
    cf->line = line;
    if (!(cf->id = text_copy(id)))
        return gx_fail(cx, GF_ERR_NOMEM, line, o.elem, id, "out of memory");
    int n_serial = 0;
    size_t n;
    if ((st = count_attr(&o, el, "nrOfSerialStages", 1, &n_serial)) != GF_OK ||
        (st = count_children(&o, el, "stage", NULL, &n)) != GF_OK)
        return st;
    if (n != (size_t)n_serial)
        return FAIL(&o, line, "nrOfSerialStages is %d but %zu stages are given", n_serial, n);
    if ((st = alloc_array(&o, line, n, sizeof *cf->stages, (void **)&cf->stages)) != GF_OK)
        return st;
    cf->n_stages = n;
    for (const gx_node *c = gx_first_element(el); c && st == GF_OK; c = gx_next_element(c))
        st = read_stage(&o, s, cf, c);
    return st;
}

/* ---- Stations ---------------------------------------------------------- */

/* Reads the children of `list` (kinds a or b) with `one` into an array. */
typedef gf_status (*read_one_fn)(gx_ctx *cx, cs_station *s, size_t k, const gx_node *el);

static gf_status read_list(const owner *o, cs_station *s, const gx_node *list, const char *a, const char *b,
                           size_t size, void **array, size_t *n_out, read_one_fn one)
{
    size_t n = 0;
    gf_status st = list ? count_children(o, list, a, b, &n) : GF_OK;
    if (st == GF_OK)
        st = alloc_array(o, gx_line(list), n, size, array);
    if (st != GF_OK)
        return st;
    *n_out = 0; /* grows as elements are read: lookups see only earlier ones */
    for (const gx_node *c = list ? gx_first_element(list) : NULL; c; c = gx_next_element(c)) {
        if ((st = one(o->cx, s, *n_out, c)) != GF_OK) {
            (*n_out)++; /* so that what was allocated is freed */
            return st;
        }
        (*n_out)++;
    }
    return GF_OK;
}

/* Where the station's id lives in the network, for the message. */
static const char *network_name(const network *net)
{
    if (!net->path)
        return net->title && net->title[0] ? net->title : "?";
    const char *slash = strrchr(net->path, '/');
    return slash ? slash + 1 : net->path;
}

static gf_status read_station(gx_ctx *cx, const network *net, station_set *set, size_t k, const gx_node *el)
{
    owner o = {cx, "compressorStation", NULL};
    int line = gx_line(el);
    gf_status st = GF_OK;
    const char *id = required_attr(&o, el, "id", &st);
    if (!id)
        return st;
    o.id = id;
    int dup = station_set_find(set, id);
    if (dup >= 0)
        return FAIL(&o, line, "duplicate id (first at line %d)", set->stations[dup].line);
    int arc = network_find_arc(net, id);
    if (arc < 0)
        return FAIL(&o, line, "no compressorStation of this id in network '%s'", clip(network_name(net)).text);
    if (net->arcs[arc].kind != ARC_COMPRESSOR)
        return FAIL(&o, line, "is a %s in network '%s', not a compressorStation", arc_kind_name(net->arcs[arc].kind),
                    clip(network_name(net)).text);
    cs_station *s = &set->stations[k];
    s->arc = arc;
    s->line = line;
    if (!(s->id = text_copy(id)))
        return gx_fail(cx, GF_ERR_NOMEM, line, o.elem, id, "out of memory");
    int put = strmap_put(&set->index, s->id, (int)k);
    if (put < 0)
        return gx_fail(cx, GF_ERR_NOMEM, line, o.elem, id, "out of memory");

    const gx_node *compressors = NULL, *drives = NULL, *configurations = NULL;
    for (const gx_node *c = gx_first_element(el); c; c = gx_next_element(c)) {
        const gx_node **slot = gx_is(c, "compressors")      ? &compressors
                               : gx_is(c, "drives")         ? &drives
                               : gx_is(c, "configurations") ? &configurations
                                                            : NULL;
        if (!slot)
            return FAIL(&o, gx_line(c), "unknown element '%s' (expected compressors, drives, configurations)",
                        clip(gx_local_name(c)).text);
        if (*slot)
            return FAIL(&o, gx_line(c), "'%s' given twice (first at line %d)", gx_local_name(c), gx_line(*slot));
        *slot = c;
    }
    if (!compressors || !gx_first_element(compressors))
        return FAIL(&o, line, "no compressors");
    if (!configurations || !gx_first_element(configurations))
        return FAIL(&o, line, "no configurations");
    st = read_list(&o, s, drives, "gasTurbine", "gasDrivenMotor", sizeof *s->drives, (void **)&s->drives, &s->n_drives,
                   read_drive);
    if (st == GF_OK)
        st = read_list(&o, s, compressors, "turboCompressor", "pistonCompressor", sizeof *s->compressors,
                       (void **)&s->compressors, &s->n_compressors, read_compressor);
    if (st == GF_OK)
        st = read_list(&o, s, configurations, "configuration", NULL, sizeof *s->configurations,
                       (void **)&s->configurations, &s->n_configurations, read_configuration);
    return st;
}

static gf_status read_stations(gx_ctx *cx, const network *net, station_set *set)
{
    const gx_node *root = gx_root(cx);
    owner o = {cx, NULL, NULL};
    if (!gx_is(root, "compressorStations"))
        return FAIL(&o, gx_line(root), "root element is '%s', expected 'compressorStations' (a GasLib .cs file)",
                    clip(gx_local_name(root)).text);
    size_t n;
    gf_status st = count_children(&o, root, "compressorStation", NULL, &n);
    if (st == GF_OK)
        st = alloc_array(&o, gx_line(root), n, sizeof *set->stations, (void **)&set->stations);
    if (st != GF_OK)
        return st;
    for (size_t k = 0; k < n; k++)
        set->stations[k].arc = -1;
    set->n_stations = n; /* zeroed entries free cleanly if reading stops early */
    size_t k = 0;
    for (const gx_node *c = gx_first_element(root); c && st == GF_OK; c = gx_next_element(c), k++)
        st = read_station(cx, net, set, k, c);
    return st;
}

gf_status gaslib_read_cs_memory(const char *buf, size_t len, const char *name, const network *net, station_set *out,
                                error_info *err)
{
    error_clear(err);
    if (!net || !out || (!buf && len > 0))
        return error_set(err, GF_ERR_ARG, "gaslib_read_cs: NULL argument");
    station_set_free(out);
    gx_ctx cx;
    gf_status st = gx_open_memory(&cx, buf, len, name, 0, err);
    if (st == GF_OK && !(out->path = text_copy(cx.name)))
        st = gx_fail(&cx, GF_ERR_NOMEM, 0, NULL, NULL, "out of memory");
    if (st == GF_OK)
        st = read_stations(&cx, net, out);
    gx_close(&cx);
    if (st != GF_OK)
        station_set_free(out);
    return st;
}

gf_status gaslib_read_cs(const char *path, const network *net, station_set *out, error_info *err)
{
    error_clear(err);
    if (!path || !net || !out)
        return error_set(err, GF_ERR_ARG, "gaslib_read_cs: NULL argument");
    char *buf = NULL;
    size_t len = 0;
    gf_status st = gx_read_file(path, &buf, &len, err);
    if (st != GF_OK) {
        station_set_free(out);
        return st;
    }
    st = gaslib_read_cs_memory(buf, len, path, net, out, err);
    free(buf);
    return st;
}
