// SPDX-License-Identifier: GPL-2.0
/*
 * Line editing for the serial console, as a terminal in canonical mode
 * would do it: echo, backspace (DEL or BS), ^U kills the line, ^C
 * abandons it.  Whatever else arrives must not corrupt the line or the
 * screen: escape sequences (arrow keys, OSC titles...) are swallowed
 * whole, though never a line end; other control bytes and non-ASCII bytes
 * are dropped; a line longer than the buffer is read to its end and then
 * refused.
 */
#include <irqlab/shell.h>
#include <irqlab/errno.h>

#define CTRL(c)	((c) & 0x1f)
#define DEL	0x7f
#define ESC	0x1b

enum esc_state {
	ESC_NONE,	/* ordinary input */
	ESC_START,	/* after ESC */
	ESC_CSI,	/* ESC [ ... final byte 0x40-0x7e */
	ESC_SS3,	/* ESC O x */
	ESC_STRING,	/* ESC ] (OSC), ESC P (DCS)...: up to BEL or ESC \ */
};

/*
 * Feeds one byte to the escape-sequence recogniser; returns true if the
 * byte belongs to a sequence (and is swallowed).  A line end always ends
 * a sequence too, so a stray ESC cannot eat the Enter after it.
 */
static bool in_escape(enum esc_state *st, int c)
{
	if (c == '\r' || c == '\n') {
		*st = ESC_NONE;
		return false;
	}
	switch (*st) {
	case ESC_NONE:
		if (c != ESC)
			return false;
		*st = ESC_START;
		return true;
	case ESC_START:
		if (c == '[')
			*st = ESC_CSI;
		else if (c == 'O')
			*st = ESC_SS3;
		else if (c == ']' || c == 'P' || c == '_' || c == '^' ||
			 c == 'X')
			*st = ESC_STRING;
		else
			*st = ESC_NONE;	/* a two-byte sequence */
		return true;
	case ESC_CSI:
		if (c >= 0x40 && c <= 0x7e)
			*st = ESC_NONE;
		return true;
	case ESC_SS3:
		*st = ESC_NONE;
		return true;
	case ESC_STRING:
		if (c == 0x07)
			*st = ESC_NONE;
		else if (c == ESC)
			*st = ESC_START;	/* ESC \ (ST) ends it */
		return true;
	}
	return false;
}

/*
 * Returns the length of the line (without a terminator, which is
 * written), -E2BIG if it did not fit in size or -EINTR after ^C.
 */
int sh_readline(char *buf, size_t size)
{
	static bool last_was_cr;
	enum esc_state esc = ESC_NONE;
	size_t len = 0;
	bool overflow = false;
	int c;

	for (;;) {
		c = console_getc();
		if (c < 0)
			return c;	/* no console to read */
		/* CR LF from a terminal is one line end, not two. */
		if (c == '\n' && last_was_cr) {
			last_was_cr = false;
			continue;
		}
		last_was_cr = c == '\r';
		if (in_escape(&esc, c))
			continue;

		switch (c) {
		case '\r':
		case '\n':
			sh_write("\n", 1);
			buf[len] = '\0';
			return overflow ? -E2BIG : (int)len;
		case CTRL('C'):
			sh_write("^C\n", 3);
			buf[0] = '\0';
			return -EINTR;
		case DEL:
		case '\b':
			if (len && !overflow) {
				len--;
				sh_write("\b \b", 3);
			}
			break;
		case CTRL('U'):
			while (len && !overflow) {
				len--;
				sh_write("\b \b", 3);
			}
			break;
		default:
			if (c < 0x20 || c > 0x7e)
				break;
			if (len + 1 >= size) {
				overflow = true;
				break;
			}
			if (!overflow) {
				buf[len] = c;
				sh_write(&buf[len++], 1);
			}
		}
	}
}

bool sh_interrupted(void)
{
	int c;

	while ((c = console_poll_char()) >= 0)
		if (c == CTRL('C'))
			return true;	/* what came before it is dropped */
	return false;
}
