/** PEM key and certificate a TLS server serves. */
export interface SimulatorTls {
  key: string;
  cert: string;
}
