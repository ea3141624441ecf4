/** How much course material one upload may hold. */
export interface MaterialLimits {
  /** Total bytes of material one upload may hold (after unzipping); `ADMIN_UPLOAD_MAX_BYTES`. */
  maxBytes: number;
  maxFiles: number;
}

export const defaultMaterialLimits: MaterialLimits = { maxBytes: 50 * 1024 * 1024, maxFiles: 2_000 };
