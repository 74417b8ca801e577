/* Result writers: JSON (the machine-readable contract documented in the
 * README) and CSV tables. They read the project through the public API
 * only. One description per row kind (node, arc, violation) feeds both
 * formats, so their columns cannot drift apart. Files are written under a
 * temporary name and renamed into place, so a failure never leaves a
 * half-written result. Non-finite numbers are written as null (JSON) or
 * empty (CSV), never as NaN. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gasflow.h"
#include "util/temp_file.h"

#define BAR 1e5
/* kg/s -> 1000 m^3/h at GasLib norm conditions, divided by norm density */
#define TO_1000M3H 3.6

static void json_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c < 0x20)
            fprintf(f, "\\u%04x", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

static void json_number(FILE *f, double v)
{
    if (isfinite(v))
        fprintf(f, "%.10g", v);
    else
        fputs("null", f);
}

static const char *mode_name(gf_mode m)
{
    switch (m) {
    case GF_MODE_OPEN: return "open";
    case GF_MODE_CLOSED: return "closed";
    case GF_MODE_OUTLET: return "outlet";
    case GF_MODE_RATIO: return "ratio";
    case GF_MODE_FLOW: return "flow";
    case GF_MODE_CHECK: return "check";
    case GF_MODE_INLET: return "inlet";
    default: return "none";
    }
}

/* The id of the node or arc a violation names. */
static const char *violation_element(gf_project *p, const gf_violation *v)
{
    if (v->is_arc) {
        gf_arc_info a;
        return gf_arc_info_get(p, v->element, &a) == GF_OK ? a.id : "?";
    }
    gf_node_info n;
    return gf_node_info_get(p, v->element, &n) == GF_OK ? n.id : "?";
}

/* Flow violations are in kg/s, all others in Pa. */
static int violation_is_flow(const gf_violation *v)
{
    return v->kind == GF_VIOL_FLOW_MIN || v->kind == GF_VIOL_FLOW_MAX || v->kind == GF_VIOL_REVERSE_FLOW;
}

/* The unit a violation's value and limit are written in, and the factor from SI. */
static const char *violation_unit(const gf_violation *v, double *scale)
{
    if (v->kind == GF_VIOL_STATION_LIMIT) {
        *scale = 1e3;
        return "kW";
    }
    int flow = violation_is_flow(v);
    *scale = flow ? 1.0 : BAR;
    return flow ? "kg/s" : "bar";
}

/* ---- rows: one field list, three ways to print it ---------------------- */

typedef enum { ROW_JSON = 0, ROW_CSV, ROW_CSV_HEADER } row_format;

typedef struct {
    FILE *f;
    row_format format;
    int fields; /* written so far in this row */
} row;

static void row_sep(row *r, const char *name)
{
    if (r->format == ROW_JSON) {
        fputs(r->fields ? ", " : "{", r->f);
        json_string(r->f, name);
        fputs(": ", r->f);
    } else {
        if (r->fields)
            fputc(',', r->f);
        if (r->format == ROW_CSV_HEADER)
            fputs(name, r->f);
    }
    r->fields++;
}

static void row_number(row *r, const char *name, double v)
{
    row_sep(r, name);
    if (r->format == ROW_JSON)
        json_number(r->f, v);
    else if (r->format == ROW_CSV && isfinite(v))
        fprintf(r->f, "%.10g", v);
}

static void row_text(row *r, const char *name, const char *v)
{
    row_sep(r, name);
    if (r->format == ROW_JSON) {
        json_string(r->f, v);
    } else if (r->format == ROW_CSV) {
        if (strpbrk(v, ",\"\n")) { /* quote as RFC 4180 asks */
            fputc('"', r->f);
            for (; *v; v++) {
                if (*v == '"')
                    fputc('"', r->f);
                fputc(*v, r->f);
            }
            fputc('"', r->f);
        } else {
            fputs(v, r->f);
        }
    }
}

static void row_flag(row *r, const char *name, int v)
{
    row_sep(r, name);
    if (r->format == ROW_JSON)
        fputs(v ? "true" : "false", r->f);
    else if (r->format == ROW_CSV)
        fputc(v ? '1' : '0', r->f);
}

static void row_end(row *r)
{
    if (r->format == ROW_JSON)
        fputc('}', r->f);
    else
        fputc('\n', r->f);
    r->fields = 0;
}

static void node_row(gf_project *p, size_t i, row *r)
{
    gf_node_info info = {0};
    gf_node_result res = {0};
    if (r->format != ROW_CSV_HEADER) {
        gf_node_info_get(p, i, &info);
        gf_node_result_get(p, i, &res);
    }
    row_text(r, "id", info.id ? info.id : "");
    row_text(r, "kind", gf_node_kind_name(info.kind));
    row_number(r, "p_bar", res.p / BAR);
    row_number(r, "height_m", info.height);
    row_number(r, "withdrawal_kg_s", res.withdrawal);
    row_number(r, "z", res.z);
    row_number(r, "p_min_bar", info.p_min / BAR);
    row_number(r, "p_max_bar", info.p_max / BAR);
    row_flag(r, "reference", res.is_reference);
    row_end(r);
}

static void arc_row(gf_project *p, size_t i, row *r)
{
    gf_arc_info info = {0};
    gf_arc_result res = {0};
    gf_node_info from = {0}, to = {0};
    if (r->format != ROW_CSV_HEADER) {
        gf_arc_info_get(p, i, &info);
        gf_arc_result_get(p, i, &res);
        gf_node_info_get(p, info.from, &from);
        gf_node_info_get(p, info.to, &to);
    }
    row_text(r, "id", info.id ? info.id : "");
    row_text(r, "type", gf_arc_kind_name(info.kind));
    row_text(r, "from", from.id ? from.id : "");
    row_text(r, "to", to.id ? to.id : "");
    row_number(r, "q_kg_s", res.q);
    row_number(r, "q_1000m3_h", res.q_norm * TO_1000M3H);
    row_number(r, "p_from_bar", res.p_from / BAR);
    row_number(r, "p_to_bar", res.p_to / BAR);
    row_text(r, "mode", mode_name(res.mode));
    /* bar at a pressure set point, the ratio, or kg/s at a fixed flow */
    row_number(r, "set_point",
               res.mode == GF_MODE_OUTLET || res.mode == GF_MODE_INLET ? res.set_point / BAR
               : res.mode == GF_MODE_RATIO || res.mode == GF_MODE_FLOW ? res.set_point
                                                                       : NAN);
    row_number(r, "velocity_m_s", res.velocity);
    row_number(r, "power_kW", res.power / 1e3);
    row_end(r);
}

static void violation_row(gf_project *p, size_t i, row *r)
{
    gf_violation v = {0};
    const char *id = "";
    if (r->format != ROW_CSV_HEADER) {
        gf_violation_get(p, i, &v);
        id = violation_element(p, &v);
    }
    double scale;
    const char *unit = violation_unit(&v, &scale);
    row_text(r, "kind", gf_violation_kind_name(v.kind));
    row_text(r, "element", id);
    row_text(r, "element_type", v.is_arc ? "arc" : "node");
    row_number(r, "value", v.value / scale);
    row_number(r, "limit", v.limit / scale);
    row_text(r, "unit", unit);
    row_end(r);
}

static void station_row(gf_project *p, size_t i, row *r)
{
    gf_station_result st = {0};
    gf_arc_info info = {0};
    gf_node_info fuel = {0};
    if (r->format != ROW_CSV_HEADER) {
        gf_station_result_get(p, i, &st);
        gf_arc_info_get(p, st.arc, &info);
        gf_node_info_get(p, st.fuel_node, &fuel);
    }
    row_text(r, "id", info.id ? info.id : "");
    row_text(r, "mode", mode_name(st.mode));
    row_text(r, "model", st.map ? "map" : "isentropic");
    row_text(r, "configuration", st.configuration ? st.configuration : "");
    row_number(r, "speed_per_min", st.speed * 60.0);
    row_text(r, "limit", st.limit ? st.limit : "");
    row_number(r, "max_discharge_bar", st.max_discharge / BAR);
    row_number(r, "recycle_kg_s", st.recycle);
    row_number(r, "suction_bar", st.suction / BAR);
    row_number(r, "discharge_bar", st.discharge / BAR);
    row_number(r, "ratio", st.suction > 0.0 ? st.discharge / st.suction : NAN);
    row_number(r, "q_kg_s", st.q);
    row_number(r, "head_kJ_kg", st.head / 1e3);
    row_number(r, "efficiency", st.efficiency);
    row_number(r, "power_kW", st.power / 1e3);
    row_number(r, "fuel_kg_s", st.fuel);
    row_text(r, "fuel_node", fuel.id ? fuel.id : "");
    row_end(r);
}

typedef void (*row_writer)(gf_project *p, size_t i, row *r);

static void json_array(gf_project *p, FILE *f, const char *name, size_t n, row_writer write, int last)
{
    row r = {f, ROW_JSON, 0};
    fprintf(f, "  \"%s\": [", name);
    for (size_t i = 0; i < n; i++) {
        fputs(i ? ",\n    " : "\n    ", f);
        write(p, i, &r);
    }
    fputs(n ? "\n  ]" : "]", f);
    fputs(last ? "\n" : ",\n", f);
}

static void write_json_body(gf_project *p, FILE *f)
{
    gf_report rep;
    gf_report_get(p, &rep);
    fputs("{\n  \"format\": \"gasflow-steady-1\",\n  \"units\": {\"p_bar\": \"bar absolute\", \"q_kg_s\": "
          "\"kg/s\", \"q_1000m3_h\": \"1000 m3/h at 273.15 K and 1.01325 bar\"},\n",
          f);
    fputs("  \"gas\": {\"temperature_K\": ", f);
    json_number(f, rep.temperature);
    fputs(", \"r_specific_J_kgK\": ", f);
    json_number(f, rep.r_specific);
    fputs(", \"norm_density_kg_m3\": ", f);
    json_number(f, rep.norm_density);
    fputs("},\n  \"solver\": {\"converged\": ", f);
    fputs(rep.converged ? "true" : "false", f);
    fprintf(f, ", \"iterations\": %d, \"mass_residual_kg_s\": ", rep.iterations);
    json_number(f, rep.mass_residual);
    fputs(", \"law_residual_Pa\": ", f);
    json_number(f, rep.law_residual);
    fputs(", \"slack_imbalance_kg_s\": ", f);
    json_number(f, rep.slack_imbalance);
    fputs(", \"fuel_kg_s\": ", f);
    json_number(f, rep.fuel);
    fputs(", \"solve_ms\": ", f);
    json_number(f, rep.solve_ms);
    fprintf(f, ", \"unknowns\": %zu},\n", rep.n_unknowns);
    json_array(p, f, "nodes", gf_node_count(p), node_row, 0);
    json_array(p, f, "arcs", gf_arc_count(p), arc_row, 0);
    json_array(p, f, "stations", gf_station_count(p), station_row, 0);
    json_array(p, f, "violations", gf_violation_count(p), violation_row, 1);
    fputs("}\n", f);
}

gf_status gf_write_json(gf_project *p, const char *path)
{
    if (!p || !path)
        return GF_ERR_ARG;
    gf_report rep;
    if (gf_report_get(p, &rep) != GF_OK || !rep.converged)
        return GF_ERR_STATE;
    char *tmp;
    FILE *f = temp_file_open(path, &tmp);
    if (!f)
        return GF_ERR_IO;
    write_json_body(p, f);
    return temp_file_commit(f, tmp, path) == 0 ? GF_OK : GF_ERR_IO;
}

static int write_csv_file(gf_project *p, const char *dir, const char *name, size_t n, row_writer write)
{
    size_t len = strlen(dir) + strlen(name) + 2;
    char *path = malloc(len);
    if (!path)
        return -1;
    snprintf(path, len, "%s/%s", dir, name);
    char *tmp;
    FILE *f = temp_file_open(path, &tmp);
    if (!f) {
        free(path);
        return -1;
    }
    row header = {f, ROW_CSV_HEADER, 0}, r = {f, ROW_CSV, 0};
    write(p, 0, &header);
    for (size_t i = 0; i < n; i++)
        write(p, i, &r);
    int rc = temp_file_commit(f, tmp, path);
    free(path);
    return rc;
}

gf_status gf_write_csv(gf_project *p, const char *dir)
{
    if (!p || !dir)
        return GF_ERR_ARG;
    gf_report rep;
    if (gf_report_get(p, &rep) != GF_OK || !rep.converged)
        return GF_ERR_STATE;
    if (write_csv_file(p, dir, "nodes.csv", gf_node_count(p), node_row) != 0 ||
        write_csv_file(p, dir, "arcs.csv", gf_arc_count(p), arc_row) != 0 ||
        write_csv_file(p, dir, "stations.csv", gf_station_count(p), station_row) != 0 ||
        write_csv_file(p, dir, "violations.csv", gf_violation_count(p), violation_row) != 0)
        return GF_ERR_IO;
    return GF_OK;
}
