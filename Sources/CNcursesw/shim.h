// SwiftPM drops pkg-config's -D_XOPEN_SOURCE=600, which is what turns on the wide-character API.
#define NCURSES_WIDECHAR 1
#include <wchar.h>
#include <locale.h>
#include <curses.h>
#include <term.h>

// Macros Swift cannot import (NCURSES_BITS expressions, function-like macros, C globals that
// Swift 6 rejects as not concurrency-safe). Each is a one-line accessor.
static inline attr_t cn_a_normal(void)    { return A_NORMAL; }
static inline attr_t cn_a_bold(void)      { return A_BOLD; }
static inline attr_t cn_a_dim(void)       { return A_DIM; }
static inline attr_t cn_a_italic(void)    { return A_ITALIC; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cn_a_reverse(void)   { return A_REVERSE; }
static inline WINDOW *cn_stdscr(void)     { return stdscr; }
static inline WINDOW *cn_curscr(void)     { return curscr; }
static inline int cn_color_pairs(void)    { return COLOR_PAIRS; }
static inline int cn_key_f(int n)         { return KEY_F(n); }
static inline mmask_t cn_all_mouse_events(void) { return ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION; }
static inline mmask_t cn_button1_pressed(void)  { return BUTTON1_PRESSED; }
static inline mmask_t cn_button1_clicked(void)  { return BUTTON1_CLICKED; }
static inline mmask_t cn_button4_pressed(void)  { return BUTTON4_PRESSED; }
static inline mmask_t cn_button5_pressed(void)  { return BUTTON5_PRESSED; }

// setcchar with an extended (int) colour pair, so pair numbers above 32767 and direct colours work.
static inline int cn_setcchar(cchar_t *cell, const wchar_t *text, attr_t attributes, int pair) {
    return setcchar(cell, text, attributes, 0, &pair);
}

// wcwidth is only declared under _XOPEN_SOURCE, which SwiftPM strips; ncurses itself uses it.
extern int wcwidth(wchar_t c);
static inline int cn_wcwidth(unsigned int scalar) { return wcwidth((wchar_t)scalar); }
