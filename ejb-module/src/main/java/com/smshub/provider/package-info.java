/**
 * Provider accounts and the {@link com.smshub.provider.ProviderAdapter} interface every provider stands
 * behind. One sub-package per provider holds its client, its configuration and the mapping of its codes;
 * provider wire types never leave their package.
 */
package com.smshub.provider;
