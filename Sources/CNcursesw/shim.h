// SwiftPM drops pkg-config's -D_XOPEN_SOURCE=600, which is what turns on the wide-character API.
#define NCURSES_WIDECHAR 1
#include <wchar.h>
#include <locale.h>
#include <curses.h>
