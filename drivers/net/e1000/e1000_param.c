// SPDX-License-Identifier: GPL-2.0
/*
 * Linux's e1000_param.c for the one option irqlab takes: the
 * InterruptThrottleRate module parameter, given on the kernel command
 * line as Linux takes a built-in driver's, e1000.InterruptThrottleRate=N.
 * 0 off, 1 dynamic, 3 dynamic conservative (the default), 4 simplified,
 * 100..100000 a fixed rate in interrupts/s.
 */
#include <irqlab/cmdline.h>
#include <irqlab/kstrtox.h>
#include <irqlab/printk.h>
#include "e1000.h"

#define DEFAULT_ITR	3
#define MAX_ITR		100000
#define MIN_ITR		100

#define ITR_NAME	"Interrupt Throttling Rate (ints/sec)"

void e1000_check_options(struct e1000_adapter *adapter)
{
	const char *dev = pci_name(adapter->pdev);
	char val[16];
	unsigned int itr;

	adapter->itr_setting = DEFAULT_ITR;
	adapter->itr = 20000;
	if (!cmdline_get("e1000.InterruptThrottleRate", val, sizeof(val)))
		return;
	if (kstrtouint(val, 0, &itr))
		itr = ~0u;

	switch (itr) {
	case 0:
		pr_info("e1000 0000:%s: %s turned off\n", dev, ITR_NAME);
		adapter->itr_setting = 0;
		adapter->itr = 0;
		break;
	case 1:
		pr_info("e1000 0000:%s: %s set to dynamic mode\n", dev,
			ITR_NAME);
		adapter->itr_setting = 1;
		break;
	case 3:
		pr_info("e1000 0000:%s: %s set to dynamic conservative mode\n",
			dev, ITR_NAME);
		break;
	case 4:
		pr_info("e1000 0000:%s: %s set to simplified (2000-8000) ints mode\n",
			dev, ITR_NAME);
		adapter->itr_setting = 4;
		adapter->itr = 8000;	/* what mode 4 picks with no traffic */
		break;
	default:
		if (itr < MIN_ITR || itr > MAX_ITR) {
			/*
			 * Linux says so but then, with itr 3 and its low bits
			 * cleared, leaves throttling off; irqlab does what the
			 * message says.
			 */
			pr_info("e1000 0000:%s: Invalid %s value specified (%s) using default of %d\n",
				dev, ITR_NAME, val, DEFAULT_ITR);
			break;
		}
		pr_info("e1000 0000:%s: %s set to %u\n", dev, ITR_NAME, itr);
		adapter->itr = itr;
		/* The low two bits mean a mode: a rate keeps them clear. */
		adapter->itr_setting = itr & ~3u;
		break;
	}
}
