/**
 * Opens a WebGPU device with the adapter's own limits for the sizes TF.js's WebGPU backend
 * relies on (the defaults are lower than most adapters allow). Shared by the app's backend chain
 * and the Node benchmark on Dawn; it imports nothing, so both can bundle it.
 */
export function requestTrainingDevice(adapter: GPUAdapter): Promise<GPUDevice> {
  const limits = adapter.limits;
  return adapter.requestDevice({
    requiredLimits: {
      maxComputeWorkgroupStorageSize: limits.maxComputeWorkgroupStorageSize,
      maxComputeWorkgroupsPerDimension: limits.maxComputeWorkgroupsPerDimension,
      maxStorageBufferBindingSize: limits.maxStorageBufferBindingSize,
      maxBufferSize: limits.maxBufferSize,
      maxComputeWorkgroupSizeX: limits.maxComputeWorkgroupSizeX,
      maxComputeInvocationsPerWorkgroup: limits.maxComputeInvocationsPerWorkgroup,
    },
  });
}
