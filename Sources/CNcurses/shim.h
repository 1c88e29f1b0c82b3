#ifndef INVESTIGATE_CNCURSES_SHIM_H
#define INVESTIGATE_CNCURSES_SHIM_H
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline WINDOW *inv_stdscr(void) { return stdscr; }
static inline int inv_lines(void) { return LINES; }
static inline int inv_cols(void) { return COLS; }
static inline attr_t inv_a_bold(void) { return A_BOLD; }
static inline attr_t inv_a_reverse(void) { return A_REVERSE; }
static inline attr_t inv_a_underline(void) { return A_UNDERLINE; }
static inline attr_t inv_a_dim(void) { return A_DIM; }
static inline attr_t inv_a_normal(void) { return A_NORMAL; }
static inline int inv_key_resize(void) { return KEY_RESIZE; }
static inline int inv_err(void) { return ERR; }
static inline int inv_wcwidth(wchar_t c) { return wcwidth(c); }
static inline chtype inv_color_pair(int n) { return COLOR_PAIR(n); }
static inline int inv_has_colors(void) { return has_colors(); }
static inline int inv_colors(void) { return COLORS; }
static inline int inv_mvadd_wch(int y, int x, const wchar_t *wc, attr_t attrs, short pair) {
    cchar_t cc;
    if (setcchar(&cc, wc, attrs, pair, NULL) == ERR) return ERR;
    return mvadd_wch(y, x, &cc);
}
#endif
