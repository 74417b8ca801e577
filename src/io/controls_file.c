/* The controls file: one statement a line, '#' to the end of a line is a
 * comment, pressures absolute in bar, flows in kg/s:
 *
 *     valve        ID open | closed | check
 *     controlValve ID active P_OUT_BAR | bypass | closed
 *     compressor   ID outlet P_OUT_BAR | inlet P_IN_BAR | ratio R | flow Q_KG_S | bypass | closed
 *     slack        NODE_ID P_BAR
 */
#define _POSIX_C_SOURCE 200809L /* locale_t in the XML helpers' header */
#include "io/controls_file.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/gaslib_xml.h"
#include "util/temp_file.h"
#include "util/text.h"

#define MAX_TOKENS 4

static int parse_number(const char *s, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || *end != '\0' || errno == ERANGE || !isfinite(v))
        return -1;
    *out = v;
    return 0;
}

/* Interprets one statement; tok[0..nt-1] are its words. */
static gf_status statement(const char *name, int line, char **tok, int nt, const network *net, controls *ctl,
                           error_info *err)
{
    const char *kw = tok[0];
    if (strcmp(kw, "slack") == 0) {
        double p;
        if (nt != 3)
            return error_set(err, GF_ERR_INPUT, "%s:%d: slack: expected 'slack NODE_ID P_BAR'", name, line);
        int node = network_find_node(net, tok[1]);
        if (node < 0)
            return error_set(err, GF_ERR_INPUT, "%s:%d: slack: unknown node '%s'", name, line, tok[1]);
        if (parse_number(tok[2], &p) != 0 || !(p > 0.0))
            return error_set(err, GF_ERR_INPUT, "%s:%d: slack '%s': '%s' is not a pressure > 0 (bar)", name, line,
                             tok[1], tok[2]);
        if (controls_add_slack(ctl, node, p * 1e5, line) != 0)
            return error_set(err, GF_ERR_NOMEM, "out of memory");
        return GF_OK;
    }
    arc_kind want;
    if (strcmp(kw, "valve") == 0)
        want = ARC_VALVE;
    else if (strcmp(kw, "controlValve") == 0)
        want = ARC_CONTROL_VALVE;
    else if (strcmp(kw, "compressor") == 0 || strcmp(kw, "compressorStation") == 0)
        want = ARC_COMPRESSOR;
    else
        return error_set(err, GF_ERR_INPUT,
                         "%s:%d: unknown statement '%s' (expected valve, controlValve, compressor or slack)", name,
                         line, kw);
    if (nt < 3)
        return error_set(err, GF_ERR_INPUT, "%s:%d: %s: expected '%s ID MODE [VALUE]'", name, line, kw, kw);
    int a = network_find_arc(net, tok[1]);
    if (a < 0)
        return error_set(err, GF_ERR_INPUT, "%s:%d: %s: unknown element '%s'", name, line, kw, tok[1]);
    if (net->arcs[a].kind != want)
        return error_set(err, GF_ERR_INPUT, "%s:%d: '%s' is a %s, not a %s", name, line, tok[1],
                         arc_kind_name(net->arcs[a].kind), arc_kind_name(want));
    const char *m = tok[2];
    gf_mode mode;
    int needs_value = 0;
    if (strcmp(m, "closed") == 0)
        mode = GF_MODE_CLOSED;
    else if (want == ARC_VALVE && strcmp(m, "open") == 0)
        mode = GF_MODE_OPEN;
    else if (want == ARC_VALVE && strcmp(m, "check") == 0)
        mode = GF_MODE_CHECK;
    else if (want != ARC_VALVE && strcmp(m, "bypass") == 0)
        mode = GF_MODE_OPEN;
    else if ((want == ARC_CONTROL_VALVE && strcmp(m, "active") == 0) ||
             (want == ARC_COMPRESSOR && strcmp(m, "outlet") == 0)) {
        mode = GF_MODE_OUTLET;
        needs_value = 1;
    } else if (want == ARC_COMPRESSOR && strcmp(m, "inlet") == 0) {
        mode = GF_MODE_INLET;
        needs_value = 1;
    } else if (want == ARC_COMPRESSOR && strcmp(m, "ratio") == 0) {
        mode = GF_MODE_RATIO;
        needs_value = 1;
    } else if (want == ARC_COMPRESSOR && strcmp(m, "flow") == 0) {
        mode = GF_MODE_FLOW;
        needs_value = 1;
    } else {
        return error_set(err, GF_ERR_INPUT, "%s:%d: %s '%s': unknown mode '%s' (%s)", name, line, kw, tok[1], m,
                         want == ARC_VALVE ? "open, closed or check"
                         : want == ARC_CONTROL_VALVE
                             ? "active P_BAR, bypass or closed"
                             : "outlet P_BAR, inlet P_BAR, ratio R, flow Q_KG_S, bypass or closed");
    }
    double value = NAN;
    if (needs_value) {
        if (nt != 4 || parse_number(tok[3], &value) != 0)
            return error_set(err, GF_ERR_INPUT, "%s:%d: %s '%s': mode '%s' needs one number", name, line, kw, tok[1],
                             m);
        if (mode == GF_MODE_OUTLET || mode == GF_MODE_INLET) {
            if (!(value > 0.0))
                return error_set(err, GF_ERR_INPUT, "%s:%d: %s '%s': %s pressure must be > 0 bar", name, line, kw,
                                 tok[1], mode == GF_MODE_OUTLET ? "outlet" : "inlet");
            value *= 1e5;
        } else if (mode == GF_MODE_RATIO && !(value > 0.0)) {
            return error_set(err, GF_ERR_INPUT, "%s:%d: %s '%s': ratio must be > 0", name, line, kw, tok[1]);
        }
    } else if (nt != 3) {
        return error_set(err, GF_ERR_INPUT, "%s:%d: %s '%s': mode '%s' takes no value", name, line, kw, tok[1], m);
    }
    if (ctl->arcs[a].line)
        return error_set(err, GF_ERR_INPUT, "%s:%d: %s '%s': set twice (first at line %d)", name, line, kw, tok[1],
                         ctl->arcs[a].line);
    ctl->arcs[a].mode = mode;
    ctl->arcs[a].value = value;
    ctl->arcs[a].line = line;
    return GF_OK;
}

gf_status controls_read_memory(const char *text, const char *name, const network *net, controls *ctl, error_info *err)
{
    if (controls_init(ctl, net->n_arcs) != 0)
        return error_set(err, GF_ERR_NOMEM, "out of memory");
    gf_status st = GF_OK;
    int line = 0;
    const char *p = text;
    char buf[1024];
    while (*p && st == GF_OK) {
        line++;
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        if (len >= sizeof buf) {
            st = error_set(err, GF_ERR_INPUT, "%s:%d: line too long", name, line);
            break;
        }
        memcpy(buf, p, len);
        buf[len] = '\0';
        p = eol ? eol + 1 : p + len;
        char *hash = strchr(buf, '#');
        if (hash)
            *hash = '\0';
        char *tok[MAX_TOKENS + 1];
        int nt = 0;
        for (char *t = buf; *t && nt <= MAX_TOKENS;) {
            while (*t == ' ' || *t == '\t' || *t == '\r')
                *t++ = '\0';
            if (!*t)
                break;
            tok[nt++] = t;
            while (*t && *t != ' ' && *t != '\t' && *t != '\r')
                t++;
        }
        if (nt == 0)
            continue;
        if (nt > MAX_TOKENS) {
            st = error_set(err, GF_ERR_INPUT, "%s:%d: too many words", name, line);
            break;
        }
        st = statement(name, line, tok, nt, net, ctl, err);
    }
    if (st != GF_OK)
        controls_free(ctl);
    return st;
}

gf_status controls_read(const char *path, const network *net, controls *ctl, error_info *err)
{
    char *text;
    size_t len;
    gf_status st = gx_read_file(path, &text, &len, err);
    if (st != GF_OK)
        return st;
    if (strlen(text) != len) {
        free(text);
        return error_set(err, GF_ERR_INPUT, "%s: not a text file (contains NUL bytes)", path);
    }
    st = controls_read_memory(text, path, net, ctl, err);
    free(text);
    if (st == GF_OK && !(ctl->path = text_copy(path))) {
        controls_free(ctl);
        return error_set(err, GF_ERR_NOMEM, "out of memory");
    }
    return st;
}

static const char *arc_keyword(arc_kind kind)
{
    return kind == ARC_VALVE ? "valve" : kind == ARC_CONTROL_VALVE ? "controlValve" : "compressor";
}

static const char *mode_keyword(arc_kind kind, gf_mode mode)
{
    switch (mode) {
    case GF_MODE_OPEN: return kind == ARC_VALVE ? "open" : "bypass";
    case GF_MODE_CLOSED: return "closed";
    case GF_MODE_CHECK: return "check";
    case GF_MODE_OUTLET: return kind == ARC_CONTROL_VALVE ? "active" : "outlet";
    case GF_MODE_INLET: return "inlet";
    case GF_MODE_RATIO: return "ratio";
    case GF_MODE_FLOW: return "flow";
    default: return NULL;
    }
}

int controls_write(const char *path, const network *net, const controls *ctl)
{
    char *tmp;
    FILE *f = temp_file_open(path, &tmp);
    if (!f)
        return -1;
    fprintf(f, "# Controls of %s, written by gasflow. Pressures are absolute, in bar.\n",
            net->path ? net->path : "the network");
    for (size_t s = 0; s < ctl->n_slacks; s++)
        fprintf(f, "slack %s %.6f\n", net->nodes[ctl->slacks[s].node].id, ctl->slacks[s].p / 1e5);
    for (size_t a = 0; a < ctl->n_arcs; a++) {
        const net_arc *arc = &net->arcs[a];
        const char *m = mode_keyword(arc->kind, ctl->arcs[a].mode);
        if (!m)
            continue;
        fprintf(f, "%s %s %s", arc_keyword(arc->kind), arc->id, m);
        gf_mode mode = ctl->arcs[a].mode;
        if (mode == GF_MODE_OUTLET || mode == GF_MODE_INLET)
            fprintf(f, " %.6f", ctl->arcs[a].value / 1e5);
        else if (mode == GF_MODE_RATIO || mode == GF_MODE_FLOW)
            fprintf(f, " %.9g", ctl->arcs[a].value);
        fputc('\n', f);
    }
    return temp_file_commit(f, tmp, path);
}
