/**
 * The largest message the browser host's WebSocket takes (ws closes the socket with 1009
 * past it). Large enough for `verify.file` to carry a sizeable PDF or production volume as
 * base64 from a browser that cannot name a path; the host is loopback-only and behind the
 * access token, so this bounds a mistake, not an attacker on the network.
 */
export const WEB_RPC_MAX_MESSAGE_BYTES = 96 * 1024 * 1024;
