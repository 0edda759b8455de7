package dev.warden.adapter.http.archviolation;

/** Violates the naming rule: an HTTP class called a service (the use cases are the services). */
public final class SessionsHttpService {
}
