/** Flavors: the sizes servers come in, their extra specs, and which projects may use private ones. */
package dev.kumo.core.compute.flavor;
