/**
 * The user-agent adapter of the outgoing port {@code UserAgentParser}: Yauaa, a maintained parser
 * with rules for browsers, operating systems, devices and bots. The only module that sees Yauaa.
 * Its analyzer takes a second or more and tens of megabytes to build, so it is built once per JVM
 * ({@code SharedAnalyzer}) and shared by every parser and server in it, with its cache of answers.
 */
package dev.warden.adapter.useragent;
