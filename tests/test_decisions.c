/* The combined-decision reader (.cdf): a good file against a small network,
 * and malformed ones, each with its message. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "io/gaslib.h"
#include "io/gaslib_cdf.h"

static const char *NET =
    "<?xml version=\"1.0\"?>\n"
    "<network xmlns=\"http://gaslib.zib.de/Gas\" xmlns:framework=\"http://gaslib.zib.de/Framework\">\n"
    "<framework:nodes>\n"
    "<innode id=\"a\"><height value=\"0\" unit=\"m\"/></innode>\n"
    "<innode id=\"b\"><height value=\"0\" unit=\"m\"/></innode>\n"
    "</framework:nodes>\n<framework:connections>\n"
    "<valve id=\"v\" from=\"a\" to=\"b\"/>\n"
    "<compressorStation id=\"cs\" from=\"a\" to=\"b\"/>\n"
    "<pipe id=\"p\" from=\"a\" to=\"b\"><length value=\"1\" unit=\"km\"/><diameter value=\"500\" unit=\"mm\"/>"
    "<roughness value=\"0.1\" unit=\"mm\"/></pipe>\n"
    "</framework:connections>\n</network>\n";

#define CDF_HEAD "<?xml version=\"1.0\"?>\n<combinedDecisions xmlns=\"http://gaslib.zib.de/CombinedDecisions\">\n"

static void read_net(network *net)
{
    error_info err = {0};
    network_init(net);
    assert_int_equal(gaslib_read_net_memory(NET, strlen(NET), "x.net", net, &err), GF_OK);
}

static void test_good(void **state)
{
    (void)state;
    network net;
    read_net(&net);
    const char *cdf = CDF_HEAD "<decisionGroup id=\"g\">\n"
                               "<decision id=\"d1\"><valve id=\"v\" value=\"1\" flowDirection=\"1\"/>"
                               "<compressorStation id=\"cs\" value=\"0\"/></decision>\n"
                               "<decision id=\"d2\"><valve id=\"v\" value=\"0\"/>"
                               "<compressorStation id=\"cs\" value=\"1\"/></decision>\n"
                               "</decisionGroup>\n</combinedDecisions>\n";
    decision_set d;
    error_info err = {0};
    assert_int_equal(gaslib_read_cdf_memory(cdf, strlen(cdf), "x.cdf", &net, &d, &err), GF_OK);
    assert_int_equal(d.n_groups, 1);
    assert_int_equal(d.groups[0].count, 2);
    assert_int_equal(d.n_entries, 4);
    assert_int_equal(d.entries[0].arc, network_find_arc(&net, "v"));
    assert_int_equal(d.entries[0].on, 1);
    assert_int_equal(d.entries[0].flow_direction, 1);
    assert_int_equal(d.entries[1].on, 0);
    assert_int_equal(d.entries[1].flow_direction, -1);
    decisions_free(&d);
    network_free(&net);
}

static void expect_error(const char *cdf, gf_status status, const char *needle)
{
    network net;
    read_net(&net);
    decision_set d;
    error_info err = {0};
    assert_int_equal(gaslib_read_cdf_memory(cdf, strlen(cdf), "x.cdf", &net, &d, &err), status);
    if (!strstr(err.msg, needle))
        print_error("message '%s' lacks '%s'\n", err.msg, needle);
    assert_non_null(strstr(err.msg, needle));
    network_free(&net);
}

static void test_bad(void **state)
{
    (void)state;
    expect_error(CDF_HEAD "<decisionGroup id=\"g\"><decision id=\"d\"><valve id=\"nope\" value=\"1\"/>"
                          "</decision></decisionGroup></combinedDecisions>",
                 GF_ERR_INPUT, "x.cdf:3: valve 'nope': no such element in the network");
    expect_error(CDF_HEAD "<decisionGroup id=\"g\"><decision id=\"d\"><valve id=\"cs\" value=\"1\"/>"
                          "</decision></decisionGroup></combinedDecisions>",
                 GF_ERR_INPUT, "valve 'cs': is a compressorStation in the network");
    expect_error(CDF_HEAD "<decisionGroup id=\"g\"><decision id=\"d\"><valve id=\"v\"/>"
                          "</decision></decisionGroup></combinedDecisions>",
                 GF_ERR_INPUT, "valve 'v': missing required attribute 'value'");
    expect_error(CDF_HEAD "<decisionGroup id=\"g\"><decision id=\"d\"><valve id=\"v\" value=\"2\"/>"
                          "</decision></decisionGroup></combinedDecisions>",
                 GF_ERR_INPUT, "valve 'v'");
    expect_error(CDF_HEAD "<decisionGroup id=\"g\"><decision id=\"d\"><pipe id=\"p\" value=\"1\"/>"
                          "</decision></decisionGroup></combinedDecisions>",
                 GF_ERR_INPUT, "unknown element 'pipe' in a decision");
    expect_error(CDF_HEAD "<decisionGroup id=\"g\"></decisionGroup></combinedDecisions>", GF_ERR_INPUT,
                 "decisionGroup 'g': has no decision");
    expect_error("<?xml version=\"1.0\"?>\n<network/>\n", GF_ERR_INPUT, "root element must be 'combinedDecisions'");
    expect_error("this is not XML", GF_ERR_PARSE, "x.cdf");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good),
        cmocka_unit_test(test_bad),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
