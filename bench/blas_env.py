"""The OpenBLAS kernels Kensa's programs choose (core/kensa/nn/blas_kernels.h), for benchmark runners to
give the PyTorch twins too: Debian's OpenBLAS 0.3.21 takes CPUs newer than itself for a Prescott (SSE3),
and only OPENBLAS_CORETYPE, set before it loads, changes that."""
import os


def native_coretype():
    try:
        with open("/proc/cpuinfo") as f:
            flags = next((line.split(":", 1)[1].split() for line in f if line.startswith("flags")), [])
    except OSError:
        return None
    if all(f in flags for f in ("avx512f", "avx512bw", "avx512vl", "avx512dq", "avx512cd")):
        return "SkylakeX"
    if "avx2" in flags and "fma" in flags:
        return "Haswell"
    return None


def with_native_blas(env):
    """env with OPENBLAS_CORETYPE set to the native kernels, unless the caller chose them already."""
    env = dict(env)
    if "OPENBLAS_CORETYPE" not in env and native_coretype():
        env["OPENBLAS_CORETYPE"] = native_coretype()
    return env
