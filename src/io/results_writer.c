/* Result writers: JSON (the machine-readable contract documented in the
 * README) and CSV tables. They read the project through the public API
 * only. Files are written under a temporary name and renamed into place, so
 * a failure never leaves a half-written result. Non-finite numbers are
 * written as null (JSON) or empty (CSV), never as NaN. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gasflow.h"

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
    default: return "none";
    }
}

/* Opens PATH.tmp for writing; *tmp receives the name (free it). */
static FILE *open_temp(const char *path, char **tmp)
{
    size_t n = strlen(path) + 5;
    *tmp = malloc(n);
    if (!*tmp)
        return NULL;
    snprintf(*tmp, n, "%s.tmp", path);
    FILE *f = fopen(*tmp, "w");
    if (!f) {
        free(*tmp);
        *tmp = NULL;
    }
    return f;
}

/* Closes f and renames tmp to path; removes tmp on any failure. */
static int commit_temp(FILE *f, char *tmp, const char *path)
{
    int bad = ferror(f);
    bad |= fclose(f) != 0;
    if (!bad)
        bad = rename(tmp, path) != 0;
    if (bad)
        remove(tmp);
    free(tmp);
    return bad ? -1 : 0;
}

static void write_json_body(gf_project *p, FILE *f)
{
    gf_report rep;
    gf_report_get(p, &rep);
    size_t nn = gf_node_count(p), na = gf_arc_count(p);
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
    fputs(", \"solve_ms\": ", f);
    json_number(f, rep.solve_ms);
    fprintf(f, ", \"unknowns\": %zu},\n  \"nodes\": [", rep.n_unknowns);
    for (size_t i = 0; i < nn; i++) {
        gf_node_info info;
        gf_node_result r;
        gf_node_info_get(p, i, &info);
        gf_node_result_get(p, i, &r);
        fputs(i ? ",\n    {\"id\": " : "\n    {\"id\": ", f);
        json_string(f, info.id);
        fprintf(f, ", \"kind\": \"%s\", \"p_bar\": ", gf_node_kind_name(info.kind));
        json_number(f, r.p / BAR);
        fputs(", \"height_m\": ", f);
        json_number(f, info.height);
        fputs(", \"withdrawal_kg_s\": ", f);
        json_number(f, r.withdrawal);
        fputs(", \"z\": ", f);
        json_number(f, r.z);
        fputs(", \"p_min_bar\": ", f);
        json_number(f, info.p_min / BAR);
        fputs(", \"p_max_bar\": ", f);
        json_number(f, info.p_max / BAR);
        fprintf(f, ", \"reference\": %s}", r.is_reference ? "true" : "false");
    }
    fputs("\n  ],\n  \"arcs\": [", f);
    for (size_t i = 0; i < na; i++) {
        gf_arc_info info;
        gf_arc_result r;
        gf_node_info from, to;
        gf_arc_info_get(p, i, &info);
        gf_arc_result_get(p, i, &r);
        gf_node_info_get(p, info.from, &from);
        gf_node_info_get(p, info.to, &to);
        fputs(i ? ",\n    {\"id\": " : "\n    {\"id\": ", f);
        json_string(f, info.id);
        fprintf(f, ", \"type\": \"%s\", \"from\": ", gf_arc_kind_name(info.kind));
        json_string(f, from.id);
        fputs(", \"to\": ", f);
        json_string(f, to.id);
        fputs(", \"q_kg_s\": ", f);
        json_number(f, r.q);
        fputs(", \"q_1000m3_h\": ", f);
        json_number(f, r.q_norm * TO_1000M3H);
        fputs(", \"p_from_bar\": ", f);
        json_number(f, r.p_from / BAR);
        fputs(", \"p_to_bar\": ", f);
        json_number(f, r.p_to / BAR);
        fprintf(f, ", \"mode\": \"%s\"", mode_name(r.mode));
        if (r.mode == GF_MODE_OUTLET) {
            fputs(", \"set_point_bar\": ", f);
            json_number(f, r.set_point / BAR);
        } else if (r.mode == GF_MODE_RATIO) {
            fputs(", \"set_point_ratio\": ", f);
            json_number(f, r.set_point);
        } else if (r.mode == GF_MODE_FLOW) {
            fputs(", \"set_point_kg_s\": ", f);
            json_number(f, r.set_point);
        }
        if (info.kind == GF_ARC_PIPE) {
            fputs(", \"velocity_m_s\": ", f);
            json_number(f, r.velocity);
        }
        if (info.kind == GF_ARC_COMPRESSOR) {
            fputs(", \"power_kW\": ", f);
            json_number(f, r.power / 1e3);
        }
        fputc('}', f);
    }
    fputs("\n  ],\n  \"violations\": [", f);
    size_t nv = gf_violation_count(p);
    for (size_t i = 0; i < nv; i++) {
        gf_violation v;
        gf_violation_get(p, i, &v);
        const char *id;
        int is_flow = v.kind == GF_VIOL_FLOW_MIN || v.kind == GF_VIOL_FLOW_MAX || v.kind == GF_VIOL_REVERSE_FLOW;
        if (v.is_arc) {
            gf_arc_info a;
            gf_arc_info_get(p, v.element, &a);
            id = a.id;
        } else {
            gf_node_info n;
            gf_node_info_get(p, v.element, &n);
            id = n.id;
        }
        fprintf(f, "%s    {\"kind\": \"%s\", \"element\": ", i ? ",\n" : "\n", gf_violation_kind_name(v.kind));
        json_string(f, id);
        fprintf(f, ", \"element_type\": \"%s\", \"unit\": \"%s\", \"value\": ", v.is_arc ? "arc" : "node",
                is_flow ? "kg/s" : "bar");
        json_number(f, is_flow ? v.value : v.value / BAR);
        fputs(", \"limit\": ", f);
        json_number(f, is_flow ? v.limit : v.limit / BAR);
        fputc('}', f);
    }
    fputs(nv ? "\n  ]\n}\n" : "]\n}\n", f);
}

gf_status gf_write_json(gf_project *p, const char *path)
{
    if (!p || !path)
        return GF_ERR_ARG;
    gf_report rep;
    if (gf_report_get(p, &rep) != GF_OK || !rep.converged)
        return GF_ERR_STATE;
    char *tmp;
    FILE *f = open_temp(path, &tmp);
    if (!f)
        return GF_ERR_IO;
    write_json_body(p, f);
    return commit_temp(f, tmp, path) == 0 ? GF_OK : GF_ERR_IO;
}

static void csv_number(FILE *f, double v)
{
    if (isfinite(v))
        fprintf(f, "%.10g", v);
}

static int write_csv_file(gf_project *p, const char *dir, const char *name, int which)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *path = malloc(n);
    if (!path)
        return -1;
    snprintf(path, n, "%s/%s", dir, name);
    char *tmp;
    FILE *f = open_temp(path, &tmp);
    if (!f) {
        free(path);
        return -1;
    }
    if (which == 0) {
        fputs("id,kind,p_bar,height_m,withdrawal_kg_s,z,p_min_bar,p_max_bar,reference\n", f);
        for (size_t i = 0; i < gf_node_count(p); i++) {
            gf_node_info info;
            gf_node_result r;
            gf_node_info_get(p, i, &info);
            gf_node_result_get(p, i, &r);
            fprintf(f, "%s,%s,", info.id, gf_node_kind_name(info.kind));
            csv_number(f, r.p / BAR);
            fputc(',', f);
            csv_number(f, info.height);
            fputc(',', f);
            csv_number(f, r.withdrawal);
            fputc(',', f);
            csv_number(f, r.z);
            fputc(',', f);
            csv_number(f, info.p_min / BAR);
            fputc(',', f);
            csv_number(f, info.p_max / BAR);
            fprintf(f, ",%d\n", r.is_reference);
        }
    } else if (which == 1) {
        fputs("id,type,from,to,q_kg_s,q_1000m3_h,p_from_bar,p_to_bar,mode,set_point,velocity_m_s,power_kW\n", f);
        for (size_t i = 0; i < gf_arc_count(p); i++) {
            gf_arc_info info;
            gf_arc_result r;
            gf_node_info from, to;
            gf_arc_info_get(p, i, &info);
            gf_arc_result_get(p, i, &r);
            gf_node_info_get(p, info.from, &from);
            gf_node_info_get(p, info.to, &to);
            fprintf(f, "%s,%s,%s,%s,", info.id, gf_arc_kind_name(info.kind), from.id, to.id);
            csv_number(f, r.q);
            fputc(',', f);
            csv_number(f, r.q_norm * TO_1000M3H);
            fputc(',', f);
            csv_number(f, r.p_from / BAR);
            fputc(',', f);
            csv_number(f, r.p_to / BAR);
            fprintf(f, ",%s,", mode_name(r.mode));
            csv_number(f, r.mode == GF_MODE_OUTLET ? r.set_point / BAR : r.set_point);
            fputc(',', f);
            csv_number(f, r.velocity);
            fputc(',', f);
            csv_number(f, r.power / 1e3);
            fputc('\n', f);
        }
    } else {
        fputs("kind,element_type,element,value,limit,unit\n", f);
        for (size_t i = 0; i < gf_violation_count(p); i++) {
            gf_violation v;
            gf_violation_get(p, i, &v);
            int is_flow = v.kind == GF_VIOL_FLOW_MIN || v.kind == GF_VIOL_FLOW_MAX || v.kind == GF_VIOL_REVERSE_FLOW;
            const char *id;
            if (v.is_arc) {
                gf_arc_info a;
                gf_arc_info_get(p, v.element, &a);
                id = a.id;
            } else {
                gf_node_info nd;
                gf_node_info_get(p, v.element, &nd);
                id = nd.id;
            }
            fprintf(f, "%s,%s,%s,", gf_violation_kind_name(v.kind), v.is_arc ? "arc" : "node", id);
            csv_number(f, is_flow ? v.value : v.value / BAR);
            fputc(',', f);
            csv_number(f, is_flow ? v.limit : v.limit / BAR);
            fprintf(f, ",%s\n", is_flow ? "kg/s" : "bar");
        }
    }
    int rc = commit_temp(f, tmp, path);
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
    static const char *const names[3] = {"nodes.csv", "arcs.csv", "violations.csv"};
    for (int k = 0; k < 3; k++)
        if (write_csv_file(p, dir, names[k], k) != 0)
            return GF_ERR_IO;
    return GF_OK;
}
