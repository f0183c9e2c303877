// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/vmstat (Linux's mm/vmstat.c): one "name value" line per counter,
 * in Linux's names and order, for procps' vmstat and free.  irqlab has
 * one zone, no swap, no page cache and no reclaim, so most counters are
 * 0; what it has is the free pages (nr_free_pages, in pages) and the
 * faults the demand paging took (pgfault).
 */
#include <irqlab/errno.h>
#include <irqlab/gfp.h>
#include <irqlab/kernel.h>
#include <irqlab/init.h>
#include <irqlab/mman.h>
#include <irqlab/proc_fs.h>

static const char *const zero_items[] = {
	"nr_zone_inactive_anon", "nr_zone_active_anon",
	"nr_zone_inactive_file", "nr_zone_active_file", "nr_zone_unevictable",
	"nr_zone_write_pending", "nr_mlock", "nr_bounce", "nr_zspages",
	"nr_free_cma", "numa_hit", "numa_miss", "numa_foreign",
	"numa_interleave", "numa_local", "numa_other", "nr_inactive_anon",
	"nr_active_anon", "nr_inactive_file", "nr_active_file",
	"nr_unevictable", "nr_slab_reclaimable", "nr_slab_unreclaimable",
	"nr_isolated_anon", "nr_isolated_file", "workingset_nodes",
	"workingset_refault_anon", "workingset_refault_file",
	"workingset_activate_anon", "workingset_activate_file",
	"workingset_restore_anon", "workingset_restore_file",
	"workingset_nodereclaim", "nr_anon_pages", "nr_mapped",
	"nr_file_pages", "nr_dirty", "nr_writeback", "nr_writeback_temp",
	"nr_shmem", "nr_shmem_hugepages", "nr_shmem_pmdmapped",
	"nr_file_hugepages", "nr_file_pmdmapped", "nr_anon_transparent_hugepages",
	"nr_vmscan_write", "nr_vmscan_immediate_reclaim", "nr_dirtied",
	"nr_written", "nr_throttled_written", "nr_kernel_misc_reclaimable",
	"nr_foll_pin_acquired", "nr_foll_pin_released", "nr_kernel_stack",
	"nr_page_table_pages", "nr_sec_page_table_pages", "nr_swapcached",
	"pgpromote_success", "pgpromote_candidate", "nr_dirty_threshold",
	"nr_dirty_background_threshold", "pgpgin", "pgpgout", "pswpin",
	"pswpout",
};

static int vmstat_show(struct seq_file *m)
{
	size_t i;

	seq_printf(m, "nr_free_pages %lu\n", nr_free_pages());
	for (i = 0; i < ARRAY_SIZE(zero_items); i++)
		seq_printf(m, "%s 0\n", zero_items[i]);
	seq_printf(m, "pgfault %lu\n", vm_pgfault_count());
	seq_puts(m, "pgmajfault 0\n");
	return 0;
}

static int vmstat_proc_init(void)
{
	return proc_create_single_data("vmstat", 0444, NULL, vmstat_show,
				       NULL) ? 0 : -ENOMEM;
}
fs_initcall_sync(vmstat_proc_init);
