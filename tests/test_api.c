/* The public API under misuse (NULL handles, bad indices, calls out of
 * order, malformed controls) and the gasflow command's exit codes and
 * result files. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include <cmocka.h>

#include "support.h"

#include "gasflow.h"

static char gaslib[1024];
static char tmpdir[1024];

static const char *in_gaslib(const char *rel, char *buf, size_t cap)
{
    snprintf(buf, cap, "%s/%s", gaslib, rel);
    return buf;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

static void test_null_handles(void **state)
{
    (void)state;
    gf_options opt;
    gf_options_default(&opt);
    assert_int_equal(gf_project_create(NULL), GF_ERR_ARG);
    assert_int_equal(gf_load_network(NULL, "x.net"), GF_ERR_ARG);
    assert_int_equal(gf_load_scenario(NULL, "x.scn"), GF_ERR_ARG);
    assert_int_equal(gf_load_controls(NULL, "x.txt"), GF_ERR_ARG);
    assert_int_equal(gf_solve_steady(NULL, &opt), GF_ERR_ARG);
    assert_int_equal(gf_node_count(NULL), 0);
    assert_int_equal(gf_arc_count(NULL), 0);
    assert_non_null(gf_last_error(NULL));
    gf_project_free(NULL);
    gf_project *p = NULL;
    gf_project_free(&p);
    assert_int_equal(gf_write_json(NULL, "x.json"), GF_ERR_ARG);
    gf_report rep;
    assert_int_equal(gf_report_get(NULL, &rep), GF_ERR_ARG);
    assert_string_equal(gf_status_string(GF_OK), "success");
}

static void test_out_of_order_and_indices(void **state)
{
    (void)state;
    char buf[2048];
    gf_project *p = NULL;
    assert_int_equal(gf_project_create(&p), GF_OK);
    gf_options opt;
    gf_options_default(&opt);
    assert_int_equal(gf_load_scenario(p, "x.scn"), GF_ERR_STATE);
    /* every call with a file: no path, then no network yet, each named */
    static const char *const file_calls[] = {"gf_load_scenario", "gf_load_stations", "gf_load_controls",
                                             "gf_load_decisions", "gf_write_controls"};
    for (int k = 0; k < 5; k++) {
        for (int with_path = 0; with_path <= 1; with_path++) {
            const char *path = with_path ? "x" : NULL;
            gf_status st = k == 0   ? gf_load_scenario(p, path)
                           : k == 1 ? gf_load_stations(p, path)
                           : k == 2 ? gf_load_controls(p, path)
                           : k == 3 ? gf_load_decisions(p, path)
                                    : gf_write_controls(p, path);
            assert_int_equal(st, with_path ? GF_ERR_STATE : GF_ERR_ARG);
            assert_non_null(strstr(gf_last_error(p), file_calls[k]));
            assert_non_null(strstr(gf_last_error(p), with_path ? "load a network first" : "path is NULL"));
        }
    }
    assert_int_equal(gf_load_network(p, NULL), GF_ERR_ARG);
    assert_non_null(strstr(gf_last_error(p), "gf_load_network: path is NULL"));
    assert_int_equal(gf_solve_steady(p, &opt), GF_ERR_STATE);
    assert_int_equal(gf_load_network(p, "/nonexistent/dir/x.net"), GF_ERR_IO);
    assert_non_null(strstr(gf_last_error(p), "/nonexistent/dir/x.net"));
    assert_int_equal(gf_load_network(p, in_gaslib("GasLib-11/GasLib-11.net", buf, sizeof buf)), GF_OK);
    gf_node_result nr;
    assert_int_equal(gf_node_result_get(p, 0, &nr), GF_ERR_STATE);
    assert_int_equal(gf_solve_steady(p, NULL), GF_ERR_ARG);
    opt.viscosity = -1.0;
    assert_int_equal(gf_solve_steady(p, &opt), GF_ERR_ARG);
    gf_options_default(&opt);
    opt.threads = 0;
    assert_int_equal(gf_solve_steady(p, &opt), GF_ERR_ARG);
    gf_options_default(&opt);
    assert_int_equal(gf_load_scenario(p, in_gaslib("GasLib-11/GasLib-11.scn", buf, sizeof buf)), GF_OK);
    assert_int_equal(gf_solve_steady(p, &opt), GF_OK);
    size_t n = gf_node_count(p), a = gf_arc_count(p);
    assert_int_equal(n, 11);
    gf_node_info ni;
    gf_arc_result ar;
    assert_int_equal(gf_node_info_get(p, n, &ni), GF_ERR_INDEX);
    assert_int_equal(gf_node_result_get(p, n, &nr), GF_ERR_INDEX);
    assert_int_equal(gf_arc_result_get(p, a, &ar), GF_ERR_INDEX);
    assert_int_equal(gf_node_result_get(p, 0, NULL), GF_ERR_ARG);
    gf_violation v;
    assert_int_equal(gf_violation_get(p, gf_violation_count(p), &v), GF_ERR_INDEX);
    size_t idx;
    assert_int_equal(gf_node_index(p, "exit01", &idx), GF_OK);
    assert_int_equal(gf_node_index(p, "no-such-node", &idx), GF_ERR_INPUT);
    /* loading a new network drops the result */
    assert_int_equal(gf_load_network(p, in_gaslib("GasLib-11/GasLib-11.net", buf, sizeof buf)), GF_OK);
    assert_int_equal(gf_node_result_get(p, 0, &nr), GF_ERR_STATE);
    gf_project_free(&p);
    assert_null(p);
}

static void expect_controls_error(gf_project *p, const char *text, const char *needle)
{
    char path[1100];
    snprintf(path, sizeof path, "%s/controls.txt", tmpdir);
    write_file(path, text);
    assert_int_equal(gf_load_controls(p, path), GF_ERR_INPUT);
    if (!strstr(gf_last_error(p), needle))
        print_error("message '%s' lacks '%s'\n", gf_last_error(p), needle);
    assert_non_null(strstr(gf_last_error(p), needle));
}

static void test_controls_errors(void **state)
{
    (void)state;
    char buf[2048];
    gf_project *p = NULL;
    assert_int_equal(gf_project_create(&p), GF_OK);
    assert_int_equal(gf_load_network(p, in_gaslib("GasLib-11/GasLib-11.net", buf, sizeof buf)), GF_OK);
    expect_controls_error(p, "# ok\nvalve nope open\n", ":2: valve: unknown element 'nope'");
    expect_controls_error(p, "compressor CS01_entry03_N01 outlet abc\n",
                          ":1: compressor 'CS01_entry03_N01': mode 'outlet' needs one number");
    expect_controls_error(p, "compressor CS01_entry03_N01 spin\n", "unknown mode 'spin'");
    expect_controls_error(p, "valve CS01_entry03_N01 open\n", "is a compressorStation, not a valve");
    expect_controls_error(p, "slack entry01 -3\n", "is not a pressure > 0");
    expect_controls_error(p, "frobnicate x y\n", "unknown statement 'frobnicate'");
    expect_controls_error(p, "compressor CS01_entry03_N01 bypass\ncompressor CS01_entry03_N01 closed\n",
                          "set twice (first at line 1)");
    gf_project_free(&p);
}

/* Runs the gasflow command; returns its exit status. */
static int run(const char *args)
{
    const char *bin = getenv("GASFLOW_BIN");
    assert_non_null(bin);
    char cmd[16384];
    snprintf(cmd, sizeof cmd, "\"%s\" %s >%s/out.txt 2>%s/err.txt", bin, args, tmpdir, tmpdir);
    int rc = system(cmd);
    assert_true(rc != -1 && WIFEXITED(rc));
    return WEXITSTATUS(rc);
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    assert_non_null(s);
    assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
    s[n] = '\0';
    fclose(f);
    return s;
}

static void test_cli(void **state)
{
    (void)state;
    char net[2048], scn[2048], args[8192], json[1100], ctl[1100];
    in_gaslib("GasLib-11/GasLib-11.net", net, sizeof net);
    in_gaslib("GasLib-11/GasLib-11.scn", scn, sizeof scn);
    snprintf(json, sizeof json, "%s/r.json", tmpdir);
    assert_int_equal(run("--help"), 0);
    assert_int_equal(run("steady --help"), 0);
    assert_int_equal(run("info --help"), 0);
    assert_int_equal(run(""), 2);
    assert_int_equal(run("frobnicate"), 2);
    assert_int_equal(run("steady /nonexistent.net"), 2);
    snprintf(args, sizeof args, "steady %s --friction sandpaper", net);
    assert_int_equal(run(args), 2);
    snprintf(args, sizeof args, "steady %s --threads 3", net);
    assert_int_equal(run(args), 2);
    snprintf(args, sizeof args, "steady %s --scenario %s --threads 1 --quiet", net, scn);
    assert_int_equal(run(args), 0);
    snprintf(args, sizeof args, "info %s", net);
    assert_int_equal(run(args), 0);
    /* --operate: one nomination at a time; the controls file it writes
     * loads back; an unwritable one is exit status 4 */
    snprintf(args, sizeof args, "steady %s --scenario %s --scenario %s --operate", net, scn, scn);
    assert_int_equal(run(args), 2);
    snprintf(ctl, sizeof ctl, "%s/operated.txt", tmpdir);
    snprintf(args, sizeof args, "steady %s --scenario %s --operate --write-controls %s", net, scn, ctl);
    assert_int_equal(run(args), 0);
    snprintf(args, sizeof args, "steady %s --scenario %s --controls %s", net, scn, ctl);
    assert_int_equal(run(args), 0);
    snprintf(args, sizeof args, "steady %s --scenario %s --operate --write-controls /nonexistent/dir/c.txt", net, scn);
    assert_int_equal(run(args), 4);
    /* a solve with JSON and CSV */
    remove(json);
    snprintf(args, sizeof args, "steady %s --scenario %s --json %s --csv %s --friction colebrook", net, scn, json,
             tmpdir);
    assert_int_equal(run(args), 0);
    char *text = slurp(json);
    assert_non_null(text);
    static const char *const keys[] = {"\"nodes\"",
                                       "\"arcs\"",
                                       "\"solver\"",
                                       "\"violations\"",
                                       "\"p_bar\"",
                                       "\"height_m\"",
                                       "\"q_kg_s\"",
                                       "\"q_1000m3_h\"",
                                       "\"converged\": true",
                                       "\"iterations\"",
                                       "\"mass_residual_kg_s\"",
                                       "\"solve_ms\""};
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
        assert_non_null(strstr(text, keys[k]));
    assert_null(strstr(text, "nan"));
    free(text);
    char csv[1100];
    snprintf(csv, sizeof csv, "%s/arcs.csv", tmpdir);
    text = slurp(csv);
    assert_non_null(text);
    assert_non_null(strstr(text, "id,type,from,to,q_kg_s"));
    free(text);
    /* a batch: every nomination of GasLib-134, two threads, JSON per nomination */
    char net134[2048], dir134[2048], jdir[1100], one[1200];
    in_gaslib("GasLib-134/GasLib-134-v2.net", net134, sizeof net134);
    in_gaslib("GasLib-134/Nominations-134-v2", dir134, sizeof dir134);
    snprintf(jdir, sizeof jdir, "%s/batch", tmpdir);
    snprintf(args, sizeof args, "mkdir -p '%s'", jdir);
    assert_int_equal(system(args), 0);
    snprintf(args, sizeof args, "steady %s --scenario-dir %s --jobs 2 --json %s", net134, dir134, jdir);
    assert_int_equal(run(args), 0);
    snprintf(one, sizeof one, "%s/2012-01-02.json", jdir);
    text = slurp(one);
    assert_non_null(text);
    assert_non_null(strstr(text, "\"converged\": true"));
    free(text);
    snprintf(one, sizeof one, "%s/out.txt", tmpdir);
    text = slurp(one);
    assert_non_null(strstr(text, "20 of 20 nominations converged"));
    free(text);
    snprintf(args, sizeof args, "steady %s --scenario %s --scenario %s", net, scn, scn);
    assert_int_equal(run(args), 0);
    snprintf(args, sizeof args, "steady %s --scenario-dir /nonexistent-dir", net);
    assert_int_equal(run(args), 2);

    /* capacity: the factor, the throughput and the binding limit as JSON */
    remove(json);
    snprintf(args, sizeof args, "capacity %s --scenario %s --json %s", net, scn, json);
    assert_int_equal(run(args), 0);
    text = slurp(json);
    assert_non_null(text);
    assert_non_null(strstr(text, "\"factor\": "));
    assert_non_null(strstr(text, "\"throughput_kg_s\": "));
    assert_non_null(strstr(text, "\"binding\": {\"limit\": "));
    free(text);
    assert_int_equal(run("capacity --help"), 0);
    snprintf(args, sizeof args, "capacity %s", net);
    assert_int_equal(run(args), 2); /* no nomination */
    snprintf(args, sizeof args, "capacity %s --scenario %s --outage nope", net, scn);
    assert_int_equal(run(args), 2);
    /* an unwritable result path: exit 4, no file left behind */
    snprintf(args, sizeof args, "steady %s --scenario %s --json /nonexistent-dir/r.json", net, scn);
    assert_int_equal(run(args), 4);
    /* a pressure reference too low for the nomination: the solver fails */
    snprintf(ctl, sizeof ctl, "%s/low.txt", tmpdir);
    write_file(ctl, "slack entry01 2.0\nslack entry02 2.0\nslack entry03 2.0\n");
    remove(json);
    snprintf(args, sizeof args, "steady %s --scenario %s --controls %s --json %s", net, scn, ctl, json);
    assert_int_equal(run(args), 3);
    text = slurp(json);
    assert_null(text);
    char err[1100];
    snprintf(err, sizeof err, "%s/err.txt", tmpdir);
    text = slurp(err);
    assert_non_null(strstr(text, "falls to zero") ? text : strstr(text, "not converge"));
    free(text);
}

int main(void)
{
    const char *shared = getenv("GASFLOW_SHARED");
    snprintf(gaslib, sizeof gaslib, "%s/data/gaslib", shared ? shared : "../../shared");
    if (test_dir_make(tmpdir, sizeof tmpdir, "api") != 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_null_handles),
        cmocka_unit_test(test_out_of_order_and_indices),
        cmocka_unit_test(test_controls_errors),
        cmocka_unit_test(test_cli),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    if (test_dir_remove(tmpdir) != 0 && rc == 0)
        rc = 1;
    return rc;
}
