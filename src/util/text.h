/* Small string helpers shared by the model and the readers. */
#ifndef GF_UTIL_TEXT_H
#define GF_UTIL_TEXT_H

/* A malloc'ed copy of s, or NULL when out of memory. */
char *text_copy(const char *s);

#endif
