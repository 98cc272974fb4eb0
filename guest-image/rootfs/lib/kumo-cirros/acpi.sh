# ACPI power button -> /etc/acpi/PWRF/00000080 -> poweroff, so a QMP system_powerdown (the compute
# driver's graceful stop) shuts the guest down cleanly. Started before the network waits, so a
# stop request during a metadata retry loop is honoured too.
load_module button
load_module evdev
acpid -c /etc/acpi -l /run/acpid.log -p /run/acpid.pid
