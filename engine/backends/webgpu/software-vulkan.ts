/**
 * SwiftShader, the software Vulkan driver that Chromium ships, for machines without a GPU (CI, this project's
 * development machines): Dawn runs on it when the Vulkan loader is pointed at its manifest with VK_ICD_FILENAMES.
 * Results are exact enough for tests; speeds say nothing about a GPU.
 */
/** Where Linux packages of Chromium and Chrome put SwiftShader's Vulkan manifest. */
export const SOFTWARE_VULKAN_MANIFESTS = [
  '/usr/lib/chromium/vk_swiftshader_icd.json', // Debian's chromium
  '/usr/lib/chromium-browser/vk_swiftshader_icd.json', // Ubuntu's chromium-browser
  '/usr/lib64/chromium-browser/vk_swiftshader_icd.json', // Fedora's chromium
  '/opt/google/chrome/vk_swiftshader_icd.json', // Google Chrome
] as const;

/** The first SwiftShader manifest installed here, if any (Node only; `node:fs` is loaded here so bundles skip it). */
export async function findSoftwareVulkan(candidates: readonly string[] = SOFTWARE_VULKAN_MANIFESTS): Promise<string | undefined> {
  const fsModule = 'node:fs';
  const { existsSync } = (await import(/* @vite-ignore */ fsModule)) as typeof import('node:fs');
  return candidates.find((path) => existsSync(path));
}
