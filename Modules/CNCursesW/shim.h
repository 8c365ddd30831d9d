// ncursesw for Swift: the wide-character API with the macros Swift cannot import wrapped as
// functions, and accessors for the globals Swift 6 rejects (stdscr, LINES, COLS).
#ifndef GSL_CNCURSESW_SHIM_H
#define GSL_CNCURSESW_SHIM_H

#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <langinfo.h>
#include <ncurses.h>

extern int wcwidth(wchar_t);

static inline WINDOW *gsl_stdscr(void) { return stdscr; }
static inline int gsl_lines(void) { return LINES; }
static inline int gsl_cols(void) { return COLS; }

static inline int gsl_attr_normal(void) { return (int)A_NORMAL; }
static inline int gsl_attr_bold(void) { return (int)A_BOLD; }
static inline int gsl_attr_reverse(void) { return (int)A_REVERSE; }
static inline int gsl_attr_dim(void) { return (int)A_DIM; }
static inline int gsl_attr_underline(void) { return (int)A_UNDERLINE; }
static inline int gsl_color_pair(int n) { return (int)COLOR_PAIR(n); }

static inline int gsl_key_resize(void) { return KEY_RESIZE; }
static inline int gsl_key_f(int n) { return KEY_F(n); }

/// The codeset of LC_CTYPE ("UTF-8" when Chinese can be drawn).
static inline const char *gsl_codeset(void) { return nl_langinfo(CODESET); }

/// Draws a NUL-terminated wide string at (y, x) with attributes, clipped by ncurses at the edge.
static inline int gsl_put(WINDOW *w, int y, int x, const wchar_t *text, int attrs) {
    wattrset(w, attrs);
    int r = mvwaddwstr(w, y, x, text);
    wattrset(w, A_NORMAL);
    return r;
}

/// Reads one key: *code holds the character or the KEY_ code; returns OK, KEY_CODE_YES or ERR.
static inline int gsl_get_key(WINDOW *w, int *code) {
    wint_t c = 0;
    int r = wget_wch(w, &c);
    *code = (int)c;
    return r;
}

static inline int gsl_key_code_yes(void) { return KEY_CODE_YES; }
static inline int gsl_err(void) { return ERR; }

#endif
