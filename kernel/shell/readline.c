// SPDX-License-Identifier: GPL-2.0
/*
 * Line editing for the serial console, as a terminal in canonical mode
 * would do it: echo, backspace (DEL or BS), ^U kills the line, ^C
 * abandons it.  Whatever else arrives must not corrupt the line or the
 * screen: escape sequences (arrow keys...) are swallowed whole, other
 * control bytes and non-ASCII bytes are dropped, and a line longer than
 * the buffer is read to its end and then refused.
 */
#include <irqlab/shell.h>
#include <irqlab/serial.h>

#define CTRL(c)	((c) & 0x1f)
#define DEL	0x7f
#define ESC	0x1b

/* Consumes the rest of an escape sequence (ESC already read). */
static void skip_escape(void)
{
	int c = serial_getc();

	if (c == '[') {
		/* CSI: parameter and intermediate bytes, then a final byte. */
		do {
			c = serial_getc();
		} while (c >= 0x20 && c <= 0x3f);
	} else if (c == 'O') {
		serial_getc();		/* SS3: one more byte (F1-F4) */
	}
}

/*
 * Returns the length of the line (without a terminator, which is
 * written), SH_LINE_TOO_LONG or SH_LINE_INTERRUPTED.
 */
int sh_readline(char *buf, size_t size)
{
	static bool last_was_cr;
	size_t len = 0;
	bool overflow = false;
	int c;

	for (;;) {
		c = serial_getc();
		/* CR LF from a terminal is one line end, not two. */
		if (c == '\n' && last_was_cr) {
			last_was_cr = false;
			continue;
		}
		last_was_cr = c == '\r';

		switch (c) {
		case '\r':
		case '\n':
			sh_write("\n", 1);
			buf[len] = '\0';
			return overflow ? SH_LINE_TOO_LONG : (int)len;
		case CTRL('C'):
			sh_write("^C\n", 3);
			buf[0] = '\0';
			return SH_LINE_INTERRUPTED;
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
		case ESC:
			skip_escape();
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
