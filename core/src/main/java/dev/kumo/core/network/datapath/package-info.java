/**
 * Postcommit: bringing the data path in line with the database through the network driver, one network or
 * port at a time under a per-object lock, and recording on each resource the status the driver reports.
 * Also the start-up reconciliation that re-ensures everything and sweeps what no longer exists.
 */
package dev.kumo.core.network.datapath;
