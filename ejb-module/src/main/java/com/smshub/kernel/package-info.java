/**
 * The shared kernel: value objects every feature speaks (numbers, money, content and its segmentation,
 * message status, the provider names, reasons), the ids of messages and charges, the store's one exception and
 * the refusals every request can meet (validation, a client reference reused). It depends on nothing else of
 * ours, so that inbound messages and billing can use a number, an amount or an id without depending on sending.
 */
package com.smshub.kernel;
