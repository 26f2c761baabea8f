/**
 * The message aggregate's read models as features hand them out (a message with its history, a page of the
 * status change feed, what became of each recipient of a send): the one part of the aggregate the web module may
 * name, to map onto the contract's types (ModulesArchitectureIT). Plain values on the kernel alone.
 */
package com.smshub.message.entity;
