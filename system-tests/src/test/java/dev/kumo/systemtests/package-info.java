/**
 * System tests: the packaged kumo with its real drivers in a process of its own, driven through Debian's
 * {@code openstack} CLI, with VMs reached by SSH from a namespace the tests plug into kumo's external bridge.
 */
package dev.kumo.systemtests;
