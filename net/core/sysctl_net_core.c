// SPDX-License-Identifier: GPL-2.0
/* net.core.* knobs: Linux's net/core/sysctl_net_core.c names and ranges. */
#include <irqlab/netdevice.h>
#include <irqlab/sysctl.h>
#include <irqlab/kernel.h>

SYSCTL_INT("net.core.dev_weight", dev_rx_weight, 1, INT_MAX);
SYSCTL_INT("net.core.netdev_budget", netdev_budget, 1, INT_MAX);
SYSCTL_INT("net.core.netdev_budget_usecs", netdev_budget_usecs, 0, INT_MAX);
SYSCTL_INT("net.core.netdev_max_backlog", netdev_max_backlog, 0, INT_MAX);
