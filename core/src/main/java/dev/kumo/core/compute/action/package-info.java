/** Server actions: which vm_states each action is allowed from, the task it starts, and the instant ones (lock, console). */
package dev.kumo.core.compute.action;
