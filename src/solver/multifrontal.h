/* Multifrontal sparse LU and LDL' without pivoting, for matrices whose
 * pattern is (made) structurally symmetric and whose values allow a static
 * pivot order: the node systems of passive networks, which are diagonally
 * dominant M-matrices up to small real-gas and height terms.
 *
 * Symbolic analysis once per pattern: fill-reducing order (AMD), the
 * elimination tree in postorder, supernodes (columns with the same
 * structure below the diagonal) and their fronts, the map of every matrix
 * entry into its front, the extend-add maps between fronts. Numeric
 * factorization per Newton iteration: for each supernode, assemble its
 * dense front from the matrix and its children's update blocks, factor its
 * pivot block, and pass the Schur complement up; dense kernels do the
 * arithmetic. LDL' does the same on the lower triangles alone. No
 * allocation after the analysis but U's (see mf_reserve_lu). */
#ifndef GF_SOLVER_MULTIFRONTAL_H
#define GF_SOLVER_MULTIFRONTAL_H

#include <stddef.h>

typedef struct mf_symbolic mf_symbolic;
typedef struct team team;

/* Analyses the n x n pattern given in CSC (colptr, rowind; entries in a
 * column sorted, no duplicates). Returns NULL when out of memory. */
mf_symbolic *mf_analyze(int n, const int *colptr, const int *rowind);
void mf_free(mf_symbolic **s);

/* Allocates the U factor that LU needs and LDL' does not (mf_factor does
 * it at the first LU otherwise). Returns 0, or -1 when out of memory. */
int mf_reserve_lu(mf_symbolic *s);

/* Factorizes the values (in the CSC order of the analysed pattern).
 * Returns 0, -1 when a pivot is zero or tiny against its column (the
 * static order does not suit this matrix: use a pivoting solver), or -2
 * when the first LU finds no memory for its U. */
int mf_factor(mf_symbolic *s, const double *values);

/* Solves with the last factorization; b is overwritten with x. */
void mf_solve(mf_symbolic *s, double *b);

/* LDL' of a symmetric matrix on the analysed pattern, without pivoting:
 * only the entries on and below the diagonal (in the analysis' order) are
 * read, so values need only be symmetric where both halves exist. Half the
 * arithmetic and stores of mf_factor. Returns 0, or -1 as mf_factor. */
int mf_factor_ldlt(mf_symbolic *s, const double *values);

/* Solves with the last mf_factor_ldlt; b is overwritten with x. Split over
 * two threads as the factorization is (mf_set_threads), with the same
 * bits as on one. */
void mf_solve_ldlt(mf_symbolic *s, double *b);

/* Fronts large enough to be factorized by panels and BLAS level 3, and
 * whether OpenBLAS, which does that, could be opened (else they take the
 * small fronts' kernel). For tests. */
int mf_blas_fronts(const mf_symbolic *s);
int mf_blas_available(void);

/* Threads a factorization may use (1, the default, or 2: more count as
 * 2). With 2, and a factorization large enough that the analysis planned
 * a split of its assembly tree, a helper thread factors some subtrees
 * while the calling thread does the rest; the results are the same bits.
 * Returns whether a factorization will split. */
int mf_set_threads(mf_symbolic *s, int threads);

/* The helper thread of a split factorization (started by the first call),
 * which the caller may give work of its own between factorizations; NULL
 * when factorizations do not split, or the helper's core is busy with
 * other work (team_ready): the next job then runs on one thread, with the
 * same bits. */
team *mf_team(mf_symbolic *s);

/* Nonzeros in L and U (for reports). */
double mf_factor_nnz(const mf_symbolic *s);

/* Floating-point operations of one LU (multiplications and additions). */
double mf_factor_flops(const mf_symbolic *s);

#endif
