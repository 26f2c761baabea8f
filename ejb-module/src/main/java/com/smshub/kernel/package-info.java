/**
 * The shared kernel: value objects every feature speaks (numbers, money, content and its segmentation,
 * message status, the provider names, reasons) and the store's one exception. It depends on nothing else of
 * ours, so that inbound messages and billing can use a number or an amount without depending on sending.
 */
package com.smshub.kernel;
