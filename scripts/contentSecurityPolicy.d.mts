/** Directive name to its sources; the order is the order written into the policy. */
export const contentSecurityPolicyDirectives: Readonly<Record<string, readonly string[]>>;
/** The policy as one header or meta value: "default-src 'self'; script-src …". */
export const contentSecurityPolicy: string;
