/* GasLib .cdf reader: decisionGroup > decision > valve | controlValve |
 * compressorStation with id, value (0/1) and an optional flowDirection
 * (0/1). Namespaces are matched by local name like the other readers. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include "io/gaslib_cdf.h"

#include <stdlib.h>
#include <string.h>

#include "io/gaslib_xml.h"
#include "util/text.h"

static gf_status read_entry(gx_ctx *cx, const network *net, decision_set *d, const gx_node *el)
{
    const char *elem = gx_local_name(el);
    int line = gx_line(el);
    arc_kind want;
    if (!strcmp(elem, "valve"))
        want = ARC_VALVE;
    else if (!strcmp(elem, "controlValve"))
        want = ARC_CONTROL_VALVE;
    else if (!strcmp(elem, "compressorStation"))
        want = ARC_COMPRESSOR;
    else
        return gx_fail(cx, GF_ERR_INPUT, line, NULL, NULL,
                       "unknown element '%s' in a decision (valve, controlValve or compressorStation)", elem);
    const char *id = gx_attr(el, "id");
    if (!id)
        return gx_fail(cx, GF_ERR_INPUT, line, elem, NULL, "missing required attribute 'id'");
    int arc = network_find_arc(net, id);
    if (arc < 0)
        return gx_fail(cx, GF_ERR_INPUT, line, elem, id, "no such element in the network");
    if (net->arcs[arc].kind != want)
        return gx_fail(cx, GF_ERR_INPUT, line, elem, id, "is a %s in the network", arc_kind_name(net->arcs[arc].kind));
    int on, dir;
    gf_status st = gx_flag(cx, el, "value", elem, id, &on);
    if (st == GF_OK)
        st = gx_flag(cx, el, "flowDirection", elem, id, &dir);
    if (st != GF_OK)
        return st;
    if (on < 0)
        return gx_fail(cx, GF_ERR_INPUT, line, elem, id, "missing required attribute 'value'");
    if (decisions_add_entry(d, arc, on, dir) < 0)
        return gx_fail(cx, GF_ERR_NOMEM, line, elem, id, "out of memory");
    return GF_OK;
}

static gf_status read_document(gx_ctx *cx, const network *net, decision_set *d)
{
    const gx_node *root = gx_root(cx);
    if (!root || !gx_is(root, "combinedDecisions"))
        return gx_fail(cx, GF_ERR_INPUT, root ? gx_line(root) : 1, NULL, NULL,
                       "the root element must be 'combinedDecisions'");
    for (const gx_node *g = gx_first_element(root); g; g = gx_next_element(g)) {
        if (!gx_is(g, "decisionGroup"))
            return gx_fail(cx, GF_ERR_INPUT, gx_line(g), NULL, NULL, "unknown element '%s' (decisionGroup)",
                           gx_local_name(g));
        const char *gid = gx_attr(g, "id");
        if (decisions_add_group(d, gid ? gid : "") < 0)
            return gx_fail(cx, GF_ERR_NOMEM, gx_line(g), "decisionGroup", gid, "out of memory");
        for (const gx_node *k = gx_first_element(g); k; k = gx_next_element(k)) {
            if (!gx_is(k, "decision"))
                return gx_fail(cx, GF_ERR_INPUT, gx_line(k), "decisionGroup", gid, "unknown element '%s' (decision)",
                               gx_local_name(k));
            const char *kid = gx_attr(k, "id");
            if (decisions_add_decision(d, kid ? kid : "") < 0)
                return gx_fail(cx, GF_ERR_NOMEM, gx_line(k), "decision", kid, "out of memory");
            for (const gx_node *e = gx_first_element(k); e; e = gx_next_element(e)) {
                gf_status st = read_entry(cx, net, d, e);
                if (st != GF_OK)
                    return st;
            }
        }
        if (d->groups[d->n_groups - 1].count == 0)
            return gx_fail(cx, GF_ERR_INPUT, gx_line(g), "decisionGroup", gid, "has no decision");
    }
    return GF_OK;
}

gf_status gaslib_read_cdf_memory(const char *buf, size_t len, const char *name, const network *net, decision_set *d,
                                 error_info *err)
{
    decisions_init(d);
    gx_ctx cx;
    gf_status st = gx_open_memory(&cx, buf, len, name, 0, err);
    if (st == GF_OK)
        st = read_document(&cx, net, d);
    if (st == GF_OK && !(d->path = text_copy(cx.name)))
        st = error_set(err, GF_ERR_NOMEM, "out of memory");
    gx_close(&cx);
    if (st != GF_OK)
        decisions_free(d);
    return st;
}

gf_status gaslib_read_cdf(const char *path, const network *net, decision_set *d, error_info *err)
{
    char *buf;
    size_t len;
    gf_status st = gx_read_file(path, &buf, &len, err);
    if (st != GF_OK) {
        decisions_init(d);
        return st;
    }
    st = gaslib_read_cdf_memory(buf, len, path, net, d, err);
    free(buf);
    return st;
}
