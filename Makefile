# SPDX-License-Identifier: GPL-2.0
#
# irqlab build.  `make` builds build/irqlab.elf; `make help` lists the rest.
# V=1 shows the commands; CROSS_COMPILE=x86_64-elf- picks a cross toolchain.

VERSION		:= 0.1.0

CROSS_COMPILE	?=
CC		:= $(CROSS_COMPILE)gcc
LD		:= $(CROSS_COMPILE)ld
NM		:= $(CROSS_COMPILE)nm
OBJCOPY		:= $(CROSS_COMPILE)objcopy
PYTHON		:= /usr/bin/python3
QEMU		:= qemu-system-x86_64
GDB		:= gdb

ifeq ($(V),1)
Q :=
quiet = @true
else
Q := @
quiet = @printf '  %-8s %s\n'
endif

B		:= build
ASM_OFFSETS_C	:= arch/x86_64/asm-offsets.c
HZ		?= 1000
SRCDIRS		:= arch kernel fs drivers net lib
SRCS		:= $(filter-out $(ASM_OFFSETS_C), \
		   $(shell find $(SRCDIRS) -name '*.c' -o -name '*.S' | sort))
OBJS		:= $(patsubst %,$(B)/%.o,$(basename $(SRCS)))

# The compiler's own freestanding headers (stddef.h, stdarg.h...) only.
CFLAGS		:= -std=gnu11 -O2 -g -ffreestanding -nostdinc \
		   -isystem $(shell $(CC) -print-file-name=include) -Iinclude \
		   -mcmodel=kernel -mno-red-zone -mgeneral-regs-only \
		   -mno-sse -mno-sse2 -mno-mmx -mno-80387 \
		   -fno-omit-frame-pointer -mno-omit-leaf-frame-pointer \
		   -fno-stack-protector -fno-pic -fno-pie \
		   -fno-asynchronous-unwind-tables -fno-strict-aliasing \
		   -fno-delete-null-pointer-checks \
		   -Wall -Wextra -Werror -Wno-unused-parameter \
		   -DIRQLAB_VERSION='"$(VERSION)"' -include $(B)/config.h -MMD -MP
ASFLAGS		:= -D__ASSEMBLY__ -Iinclude -I$(B)/include -g -MMD -MP
LDFLAGS		:= -nostdlib -static -z max-page-size=4096 -z noexecstack \
		   --no-warn-rwx-segments

all: $(B)/irqlab.elf

# Build-time settings as a header, rewritten only when they change, so
# that `make HZ=250` rebuilds exactly what depends on them.
$(B)/config.h: FORCE
	@mkdir -p $(B)
	@printf '#define CONFIG_HZ %d\n' $(HZ) > $@.tmp
	@cmp -s $@.tmp $@ && rm $@.tmp || mv $@.tmp $@

$(OBJS): $(B)/config.h

$(B)/%.o: %.c Makefile
	$(quiet) CC $<
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(CFLAGS) -c $< -o $@

$(B)/%.o: %.S Makefile
	$(quiet) AS $<
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(ASFLAGS) -c $< -o $@

# Offsets of C structures for the assembly, as Linux's asm-offsets:
# asm-offsets.c is compiled to assembly only (never linked), and each of
# its "->SYM value expr" markers becomes "#define SYM value /* expr */".
ASM_OFFSETS	:= $(B)/include/generated/asm-offsets.h
ASM_OFFSETS_S	:= $(B)/arch/x86_64/asm-offsets.s

$(ASM_OFFSETS_S): $(ASM_OFFSETS_C) $(B)/config.h Makefile
	$(quiet) CC $@
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(CFLAGS) -S $< -o $@

$(ASM_OFFSETS): $(ASM_OFFSETS_S)
	$(quiet) GEN $@
	@mkdir -p $(dir $@)
	$(Q){ echo '/* Generated from $(ASM_OFFSETS_C): do not edit. */'; \
	  echo '#ifndef __ASM_OFFSETS_H__'; echo '#define __ASM_OFFSETS_H__'; \
	  sed -n -e 's:^[[:space:]]*\.ascii[[:space:]]*"->#\(.*\)".*:/* \1 */:p' \
	      -e 's:^[[:space:]]*\.ascii[[:space:]]*"->\([^ "]\{1,\}\) \([^ "]*\) \(.*\)".*:#define \1 \2 /* \3 */:p' \
	      -e 's:^[[:space:]]*\.ascii[[:space:]]*"->".*::p' $<; \
	  echo '#endif'; } > $@.tmp
	$(Q)mv $@.tmp $@

$(filter %.o,$(patsubst %.S,$(B)/%.o,$(filter %.S,$(SRCS)))): $(ASM_OFFSETS)

$(B)/linker.lds: linker.ld include/asm/boot.h
	@mkdir -p $(B)
	$(Q)$(CC) -E -P -x c -D__ASSEMBLY__ -Iinclude $< -o $@

# Symbols for backtraces, like Linux's kallsyms: link once with an empty
# table, list the text symbols of that image, link again with the list.
# The table sits after .text, so text addresses do not move between the
# two links; the last step checks that they did not.
$(B)/kallsyms-empty.S: tools/kallsyms.sh
	@mkdir -p $(B)
	$(Q)sh tools/kallsyms.sh /dev/null $(NM) > $@

$(B)/irqlab.pre.elf: $(OBJS) $(B)/kallsyms-empty.o $(B)/linker.lds
	$(quiet) LD $@
	$(Q)$(LD) $(LDFLAGS) -T $(B)/linker.lds -o $@ $(OBJS) $(B)/kallsyms-empty.o

$(B)/kallsyms.S: $(B)/irqlab.pre.elf tools/kallsyms.sh
	$(quiet) KSYM $@
	$(Q)sh tools/kallsyms.sh $< $(NM) > $@

$(B)/kallsyms.o: $(B)/kallsyms.S
	$(Q)$(CC) $(ASFLAGS) -c $< -o $@

$(B)/kallsyms-empty.o: $(B)/kallsyms-empty.S
	$(Q)$(CC) $(ASFLAGS) -c $< -o $@

$(B)/irqlab.elf: $(OBJS) $(B)/kallsyms.o $(B)/linker.lds
	$(quiet) LD $@
	$(Q)$(LD) $(LDFLAGS) -T $(B)/linker.lds -o $@ $(OBJS) $(B)/kallsyms.o
	$(Q)sh tools/kallsyms.sh $@ $(NM) | cmp -s - $(B)/kallsyms.S || \
		{ echo "kallsyms: text moved between links" >&2; rm -f $@; exit 1; }

# Calls go one way between the layers (docs/design.md, "Layers"): from the
# objects' symbol references, checked against tools/check-layers.rules.
check-layers: $(OBJS)
	$(quiet) CHECK layers
	$(Q)$(PYTHON) tools/check-layers --nm $(NM) --build-dir $(B) $(OBJS)

# ---- user space: the initramfs (docs/initramfs.md) ---------------------------

# The project's own user programs (tests/user/), static against musl.
MUSL_CC		:= musl-gcc
MUSL_LIB	:= /usr/lib/x86_64-linux-musl
USER_CFLAGS	:= -std=gnu11 -O2 -Wall -Wextra -Werror
USER_PROGS	:= $(B)/user/abi-test $(B)/user/abi-test-pie $(B)/user/bench \
		   $(B)/user/dyn-test

$(B)/user/abi-test $(B)/user/bench: $(B)/user/%: tests/user/%.c Makefile | deps
	$(quiet) MUSLCC $@
	@mkdir -p $(dir $@)
	$(Q)$(MUSL_CC) -static $(USER_CFLAGS) -o $@ $<

# The same as a static PIE (ET_DYN, no interpreter, relocating itself):
# Debian's musl-gcc specs know no -static-pie, so the link is spelt out
# with musl's rcrt1.o.
$(B)/user/abi-test-pie: tests/user/abi-test.c Makefile | deps
	$(quiet) MUSLCC $@
	@mkdir -p $(dir $@)
	$(Q)$(MUSL_CC) -fPIE $(USER_CFLAGS) -nostartfiles \
		-Wl,-pie,-static,--no-dynamic-linker,-z,text \
		$(MUSL_LIB)/rcrt1.o $(MUSL_LIB)/crti.o $$($(MUSL_CC) -print-file-name=crtbeginS.o) \
		$< $$($(MUSL_CC) -print-file-name=crtendS.o) $(MUSL_LIB)/crtn.o -o $@

# One dynamically linked against glibc (the host's gcc and headers, the
# glibc Debian 12 ships): at run time it uses the initramfs's own libc6,
# from the .deb, through ld.so.
$(B)/user/dyn-test: tests/user/dyn-test.c Makefile | deps
	$(quiet) HOSTCC $@
	@mkdir -p $(dir $@)
	$(Q)$(HOSTCC) $(USER_CFLAGS) -o $@ $<

user: $(USER_PROGS)

# Debian's busybox-static and libc6, fetched once into build/debs and verified
# against apt's index on every build; the manifest (package, version,
# SHA256, file) changes only when the .deb does.  DEB_TOOLS are Debian's
# own tools with the libraries they link (their dependency closure on
# Debian 12): their programs and libraries go in whole, over busybox's
# applets of the same path.
DEBS_DIR	:= $(B)/debs
DEB_TOOLS	:= procps libproc2-0 libsystemd0 libcap2 libgcrypt20 \
		   libgpg-error0 liblz4-1 liblzma5 libzstd1 libncursesw6 libtinfo6 \
		   ncurses-base
export FETCH_DEBS := busybox-static libc6 $(DEB_TOOLS)

$(DEBS_DIR)/manifest: FORCE | deps
	$(Q)sh tools/fetch-debs.sh $(DEBS_DIR)

# build/rootfs: busybox from the .deb with a symlink per applet (the list
# is the package's busybox's own --list-full, run on the host: it is a
# static Linux binary), then rootfs/, then the user programs.
ROOTFS_STAGE	:= $(B)/rootfs
ROOTFS_SRCS	:= $(shell find rootfs -type f)

$(B)/rootfs.stamp: $(DEBS_DIR)/manifest $(ROOTFS_SRCS) $(B)/rootfs-src.list \
		$(USER_PROGS) Makefile
	$(quiet) STAGE $(ROOTFS_STAGE)
	$(Q)rm -rf $(ROOTFS_STAGE) $(B)/busybox-deb && mkdir -p $(ROOTFS_STAGE)/bin
	$(Q)set -e; deb=$$(awk '$$1 == "busybox-static" { print $$4 }' $(DEBS_DIR)/manifest); \
	dpkg-deb -x "$(DEBS_DIR)/$$deb" $(B)/busybox-deb; \
	cp $(B)/busybox-deb/bin/busybox $(ROOTFS_STAGE)/bin/busybox; \
	chmod 0755 $(ROOTFS_STAGE)/bin/busybox; \
	for a in $$($(ROOTFS_STAGE)/bin/busybox --list-full); do \
		d=$$(dirname $$a); \
		case $$d in \
		bin) t=busybox ;; \
		.) t=bin/busybox ;; \
		*) t=$$(echo $$d/ | sed 's|[^/]*/|../|g')bin/busybox ;; \
		esac; \
		[ $$a = bin/busybox ] && continue; \
		mkdir -p $(ROOTFS_STAGE)/$$d; ln -sfn $$t $(ROOTFS_STAGE)/$$a; \
	done; \
	echo "  busybox-static $$(awk '$$1 == "busybox-static" { print $$2 }' $(DEBS_DIR)/manifest):" \
		"$$($(ROOTFS_STAGE)/bin/busybox --list-full | wc -l) applets"
	$(Q)rm -rf $(B)/busybox-deb
	$(Q)set -e; deb=$$(awk '$$1 == "libc6" { print $$4 }' $(DEBS_DIR)/manifest); \
	rm -rf $(B)/libc6-deb; dpkg-deb -x "$(DEBS_DIR)/$$deb" $(B)/libc6-deb; \
	mkdir -p $(ROOTFS_STAGE)/lib/x86_64-linux-gnu $(ROOTFS_STAGE)/lib64; \
	for f in ld-linux-x86-64.so.2 libc.so.6; do \
		cp $(B)/libc6-deb/lib/x86_64-linux-gnu/$$f $(ROOTFS_STAGE)/lib/x86_64-linux-gnu/; \
	done; \
	cp -P $(B)/libc6-deb/lib64/ld-linux-x86-64.so.2 $(ROOTFS_STAGE)/lib64/; \
	rm -rf $(B)/libc6-deb; \
	echo "  libc6 $$(awk '$$1 == "libc6" { print $$2 }' $(DEBS_DIR)/manifest): ld.so and libc.so.6"
	$(Q)set -e; for pkg in $(DEB_TOOLS); do \
		deb=$$(awk -v p=$$pkg '$$1 == p { print $$4 }' $(DEBS_DIR)/manifest); \
		x=$(B)/deb-x/$$pkg; rm -rf $$x; mkdir -p $$x; \
		dpkg-deb -x "$(DEBS_DIR)/$$deb" $$x; \
		for d in bin sbin lib usr/bin usr/sbin usr/lib; do \
			[ -d $$x/$$d ] || continue; mkdir -p $(ROOTFS_STAGE)/$$d; \
			cp -a --remove-destination $$x/$$d/. $(ROOTFS_STAGE)/$$d/; \
		done; \
	done; \
	rm -rf $(B)/deb-x; \
	echo "  Debian's tools: $(DEB_TOOLS)"
	$(Q)cp -R rootfs/. $(ROOTFS_STAGE)/
	$(Q)mkdir -p $(ROOTFS_STAGE)/usr/lib/irqlab
	$(Q)cp $(USER_PROGS) $(ROOTFS_STAGE)/usr/lib/irqlab/
	$(Q)touch $@

# The archive: build/rootfs, then ROOTFS_EXTRA's files over it (make iso
# ROOTFS_EXTRA=DIR), plus what git cannot hold: the empty mount points and
# the device nodes the kernel's console needs before devtmpfs is mounted.
# INITRAMFS= writes it elsewhere (the tests do).
ROOTFS_EXTRA	?=
INITRAMFS	?= $(B)/initramfs.cpio
INITRAMFS_NODES	:= --dir /dev:0755 --dir /proc:0555 --dir /sys:0555 \
		   --dir /tmp:1777 --dir /root:0700 \
		   --dev /dev/console:c:5:1:0600 --dev /dev/null:c:1:3:0666 \
		   --dev /dev/ttyS0:c:4:64:0600
EXTRA_SRCS	:= $(if $(ROOTFS_EXTRA),$(shell find $(ROOTFS_EXTRA) -type f 2>/dev/null))

# What the archive is made of, by name (and a symlink's target, mode
# bits), rewritten only when it changes: a file removed from rootfs/ or
# ROOTFS_EXTRA, a symlink changed, or another ROOTFS_EXTRA rebuilds it.
FIND_LIST	= find $(1) -printf '%p %m %l\n' | LC_ALL=C sort
$(B)/rootfs-src.list: FORCE
	@mkdir -p $(B)
	@$(call FIND_LIST,rootfs) > $@.tmp
	@cmp -s $@.tmp $@ && rm $@.tmp || mv $@.tmp $@

$(INITRAMFS).src: FORCE
	@mkdir -p $(dir $@)
	@{ echo "ROOTFS_EXTRA=$(ROOTFS_EXTRA)"; \
	   $(if $(ROOTFS_EXTRA),$(call FIND_LIST,$(ROOTFS_EXTRA));) } > $@.tmp
	@cmp -s $@.tmp $@ && rm $@.tmp || mv $@.tmp $@

$(INITRAMFS): $(B)/rootfs.stamp $(INITRAMFS).src $(EXTRA_SRCS) tools/mkinitramfs.py
	$(quiet) CPIO $@
	$(Q)$(if $(ROOTFS_EXTRA),[ -d "$(ROOTFS_EXTRA)" ] || \
		{ echo "ROOTFS_EXTRA=$(ROOTFS_EXTRA): not a directory" >&2; exit 1; })
	$(Q)$(PYTHON) tools/mkinitramfs.py -o $@ $(INITRAMFS_NODES) \
		$(ROOTFS_STAGE) $(ROOTFS_EXTRA) >/dev/null

initramfs: $(INITRAMFS)

# A Linux kernel to boot the same archive on, the reference for what
# irqlab must do with it (tests/test_initramfs_build.py): Debian's cloud
# kernel (the 16550 console and devtmpfs built in), the version its
# meta-package names, fetched and verified as busybox-static is.
LINUX_REF_META	:= linux-image-cloud-amd64
LINUX_REF_PKG	= $(shell apt-cache depends $(LINUX_REF_META) 2>/dev/null | \
		  awk '$$1 == "Depends:" && $$2 ~ /^linux-image-/ { print $$2; exit }')
LINUX_REF_DIR	:= $(DEBS_DIR)/linux

$(LINUX_REF_DIR)/manifest: FORCE | deps
	$(Q)pkg="$(LINUX_REF_PKG)"; \
	[ -n "$$pkg" ] || { echo "linux-ref: apt knows no $(LINUX_REF_META)" \
		"(no package lists? sh tools/setup-deps.sh)" >&2; exit 1; }; \
	FETCH_DEBS=$$pkg sh tools/fetch-debs.sh $(LINUX_REF_DIR); \
	for f in $(LINUX_REF_DIR)/*.deb; do \
		grep -qF " $${f##*/}" $@ || { echo "linux-ref: removing $$f"; rm -f "$$f"; }; \
	done

$(B)/linux-ref/vmlinuz: $(LINUX_REF_DIR)/manifest
	$(quiet) GEN $@
	@mkdir -p $(dir $@)
	$(Q)deb=$$(awk 'NR == 1 { print $$4 }' $<); \
	dpkg-deb --fsys-tarfile "$(LINUX_REF_DIR)/$$deb" | \
		tar -xO --wildcards './boot/vmlinuz-*' > $@.tmp && \
	[ -s $@.tmp ] && mv $@.tmp $@

linux-ref: $(B)/linux-ref/vmlinuz

# ---- set-up, ISO, running -------------------------------------------------

deps:
	$(Q)sh tools/setup-deps.sh

ISO_DIR		:= $(B)/isodir

$(B)/irqlab.iso: $(B)/irqlab.elf iso/grub.cfg $(INITRAMFS) | deps
	$(quiet) ISO $@
	$(Q)rm -rf $(ISO_DIR) && mkdir -p $(ISO_DIR)/boot/grub
	$(Q)cp iso/grub.cfg $(ISO_DIR)/boot/grub/grub.cfg
	$(Q)cp $(INITRAMFS) $(ISO_DIR)/boot/initramfs.cpio
	$(Q)$(OBJCOPY) --strip-debug $< $(ISO_DIR)/boot/irqlab.elf
	$(Q)grub-mkrescue -o $@ $(ISO_DIR) >$(B)/grub-mkrescue.log 2>&1 || \
		{ cat $(B)/grub-mkrescue.log; exit 1; }

iso: $(B)/irqlab.iso

OVMF		:= /usr/share/ovmf/OVMF.fd
SMP		?= 2
MEM		?= 256M
CMDLINE		?=
# ACCEL=kvm: the host's CPU through KVM (x2APIC, real speed) where
# /dev/kvm exists; TCG, QEMU's emulator, is the default and what CI runs.
ACCEL		?= tcg
KVM_DEV		?= /dev/kvm
ifeq ($(ACCEL),kvm)
ACCEL_ARGS	:= -accel kvm -cpu host
else ifeq ($(ACCEL),tcg)
ACCEL_ARGS	:= -accel tcg
else
$(error ACCEL=$(ACCEL): use ACCEL=tcg (the default) or ACCEL=kvm)
endif
, := ,
# QEMU's option syntax doubles a comma inside a value.  The e1000 is on
# user networking with restrict=on: the guest reaches QEMU's 10.0.2.2 but
# nothing outside (tests use -nic none or a socket netdev: docs/pktgen.md).
QEMU_ARGS	= -M pc $(ACCEL_ARGS) -smp $(SMP) -m $(MEM) -cdrom $(B)/irqlab.iso -boot d \
		  -display none -serial mon:stdio -no-reboot \
		  -nic user,model=e1000,restrict=on \
		  $(if $(CMDLINE),-fw_cfg name=opt/irqlab/cmdline$(,)string='$(subst $(,),$(,)$(,),$(CMDLINE))')

# Before anything is built or started: KVM needs /dev/kvm.
check-accel:
ifeq ($(ACCEL),kvm)
	@if [ ! -e $(KVM_DEV) ]; then \
		echo "ACCEL=kvm: $(KVM_DEV) does not exist: this machine has no KVM" \
		     "(no virtualisation extensions, or the kvm module is not loaded);" \
		     "leave ACCEL out to use TCG" >&2; exit 1; \
	elif [ ! -r $(KVM_DEV) ] || [ ! -w $(KVM_DEV) ]; then \
		echo "ACCEL=kvm: $(KVM_DEV) is there but $$(id -un) cannot open it" \
		     "(join the kvm group); leave ACCEL out to use TCG" >&2; exit 1; \
	fi
endif

run: check-accel iso
	$(QEMU) $(QEMU_ARGS)

run-uefi: check-accel iso
	$(QEMU) $(QEMU_ARGS) -bios $(OVMF)

# In-kernel tests on this terminal, without pytest:
#   make ktest KTEST=smp,timer SMP=4
# prints their KTAP, and fails unless QEMU's isa-debug-exit says that
# every case passed (33; 35 is a failure).
KTEST		?= all
ktest: CMDLINE := ktest=$(KTEST) $(CMDLINE)
ktest: check-accel iso
	$(Q)st=0; timeout 900 $(QEMU) $(QEMU_ARGS) \
		-device isa-debug-exit,iobase=0xf4,iosize=0x04 </dev/null || st=$$?; \
	if [ $$st -eq 33 ]; then echo "ktest: all passed"; \
	else echo "ktest: FAILED (QEMU exit status $$st)"; exit 1; fi

# QEMU halted at the first instruction with its gdb stub on :1234;
# attach with `make gdb` from another terminal.
debug: check-accel iso
	$(QEMU) $(QEMU_ARGS) -s -S

gdb: $(B)/irqlab.elf | deps
	$(GDB) -x tools/gdbinit $(B)/irqlab.elf

# ---- host tools -------------------------------------------------------------

# The host side of the guest's e1000 (docs/pktgen.md): a normal host program,
# one object per file (tools/pktgen/pktgen.h lists them).
HOSTCC		?= gcc
PKTGEN_CFLAGS	:= -std=gnu11 -D_GNU_SOURCE -O2 -g -Wall -Wextra -Werror -MMD -MP
PKTGEN_SRCS	:= $(addprefix tools/pktgen/,pktgen.c output.c frame.c \
		   transport.c ping.c flood.c fuzz.c selftest.c)
PKTGEN_OBJS	:= $(patsubst %.c,$(B)/%.o,$(PKTGEN_SRCS))

$(PKTGEN_OBJS): $(B)/%.o: %.c Makefile
	$(quiet) HOSTCC $<
	@mkdir -p $(dir $@)
	$(Q)$(HOSTCC) $(PKTGEN_CFLAGS) -c $< -o $@

$(B)/pktgen: $(PKTGEN_OBJS)
	$(quiet) HOSTLD $@
	$(Q)$(HOSTCC) -o $@ $(PKTGEN_OBJS)

pktgen: $(B)/pktgen

-include $(PKTGEN_OBJS:.o=.d)

# ---- tests ----------------------------------------------------------------

test-host: | deps
	$(Q)$(MAKE) -C tests/host check

test: check-accel iso check-layers test-host $(B)/pktgen $(USER_PROGS) linux-ref
	$(Q)IRQLAB_ACCEL=$(ACCEL) IRQLAB_KVM_DEV=$(KVM_DEV) \
		$(PYTHON) -m pytest tests $(PYTEST_ARGS)

# Benchmarks print figures; no test asserts them (docs/userspace.md).
bench-syscall: iso
	$(Q)$(PYTHON) tools/bench-syscall.py --iso $(B)/irqlab.iso

clean:
	rm -rf $(B)
	$(Q)$(MAKE) -C tests/host clean

help:
	@echo "make             build build/irqlab.elf"
	@echo "make iso         build build/irqlab.iso (BIOS and UEFI GRUB), with"
	@echo "                 build/initramfs.cpio as GRUB's module (ROOTFS_EXTRA=DIR)"
	@echo "make run         boot it in QEMU on this terminal (SeaBIOS)"
	@echo "make run-uefi    the same under OVMF"
	@echo "                 (SMP=, MEM=, CMDLINE='ktest=all' adjust the run;"
	@echo "                  ACCEL=kvm uses KVM and the host CPU, for run,"
	@echo "                  ktest, debug and test; Ctrl-A X leaves QEMU)"
	@echo "make ktest       run in-kernel tests and exit (KTEST=suite,suite;"
	@echo "                 SMP= as for run)"
	@echo "make debug       QEMU halted, gdb stub on :1234; then 'make gdb'"
	@echo "make pktgen      build build/pktgen, the host packet generator"
	@echo "make initramfs   build build/initramfs.cpio (busybox-static, rootfs/,"
	@echo "                 the user programs; ROOTFS_EXTRA=DIR adds DIR's files)"
	@echo "make user        build the user programs (build/user/: abi-test, bench)"
	@echo "make bench-syscall  getpid and fork+exec+wait costs in instructions"
	@echo "make linux-ref   fetch Debian's Linux kernel, to boot the initramfs on"
	@echo "                 (build/linux-ref/vmlinuz; make test uses it)"
	@echo "make check-layers  fail on a call that goes the wrong way between"
	@echo "                 layers (docs/design.md)"
	@echo "make test        check-layers, host unit tests, then the QEMU tests"
	@echo "make clean       remove build/"

FORCE:

.PHONY: all deps iso check-accel run run-uefi ktest debug gdb pktgen check-layers test \
	user initramfs linux-ref bench-syscall \
	test-host clean help

-include $(OBJS:.o=.d) $(ASM_OFFSETS_S:.s=.d)
