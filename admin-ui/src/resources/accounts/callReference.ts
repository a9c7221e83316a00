/** The store key of the call reference the agent is working on: typed on the home page, the search or the account page. */
export const CALL_REFERENCE_KEY = 'call.reference';
