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
#include <langinfo.h>
static inline const char *inv_codeset(void) { return nl_langinfo(CODESET); }
static inline int inv_get_wch(wint_t *out) { return get_wch(out); }
static inline int inv_key_code_yes(void) { return KEY_CODE_YES; }
static inline int inv_ok(void) { return OK; }
static inline int inv_key_up(void) { return KEY_UP; }
static inline int inv_key_down(void) { return KEY_DOWN; }
static inline int inv_key_left(void) { return KEY_LEFT; }
static inline int inv_key_right(void) { return KEY_RIGHT; }
static inline int inv_key_npage(void) { return KEY_NPAGE; }
static inline int inv_key_ppage(void) { return KEY_PPAGE; }
static inline int inv_key_home(void) { return KEY_HOME; }
static inline int inv_key_end(void) { return KEY_END; }
static inline int inv_key_backspace(void) { return KEY_BACKSPACE; }
static inline int inv_key_dc(void) { return KEY_DC; }
static inline int inv_key_enter(void) { return KEY_ENTER; }
static inline int inv_key_btab(void) { return KEY_BTAB; }
static inline SCREEN *inv_newterm(void) { return newterm(NULL, stdout, stdin); }
#endif
