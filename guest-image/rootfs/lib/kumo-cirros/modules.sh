# Drivers: Debian's cloud kernel builds virtio, the NICs and the disk controllers as modules.
# An empty modprobe path stops the kernel from calling a modprobe that has no modules.dep here.
echo > /proc/sys/kernel/modprobe
coldplug
