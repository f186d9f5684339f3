/** A watch connection the stand-in can end on purpose. */
export type OpenWatch = {
  /** Sends an ERROR event with a 410 Status, then ends the response, as the API server does. */
  expire(): void;
  /** Drops the connection without ending the chunked body. */
  destroy(): void;
  /** Ends the response cleanly. */
  end(): void;
};
