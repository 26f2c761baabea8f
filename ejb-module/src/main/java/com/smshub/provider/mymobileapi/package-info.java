/**
 * MyMobileAPI legacy Web Services (South Africa): its .asmx client (generated from wsdl/MyMobileApi.wsdl into
 * {@code com.smshub.provider.mymobileapi.soap}), the XML documents its operations take and return as strings
 * (generated from xsd/mymobileapi into {@code com.smshub.provider.mymobileapi.xml}), its account settings and
 * the mapping of its codes. docs/providers/mymobileapi.md.
 */
package com.smshub.provider.mymobileapi;
