"""An independent NumPy computation of the diffusion denoiser's closed forms on the tensors
test_reference_methods.cpp writes: DDPM's linear schedule, its respacing, q(x_t | x0), the posterior
q(x_{t-1} | x_t, x0), the reverse step from a noise prediction and a learned variance interpolation, and
the per-pixel KL map (mean over channels) — compared with Kensa's outputs in the same file.

usage: reference_diffusion.py CASE.safetensors   (exit 0: everything agrees to 1e-4 relative)
"""
import sys

import numpy as np

from reference_methods import read_safetensors


def schedule(betas):
    alphas = 1.0 - betas
    abar = np.cumprod(alphas)
    abar_prev = np.concatenate([[1.0], abar[:-1]])
    var = betas * (1.0 - abar_prev) / (1.0 - abar)
    log_var = np.log(np.concatenate([[var[1]], var[1:]]))
    c1 = betas * np.sqrt(abar_prev) / (1.0 - abar)
    c2 = (1.0 - abar_prev) * np.sqrt(alphas) / (1.0 - abar)
    return dict(betas=betas, abar=abar, var=var, log_var=log_var, c1=c1, c2=c2)


def kl_map(s, x0, xt, t, output):
    """Per image i at step t[i]: KL(q(x_{t-1}|x_t,x0) || p(x_{t-1}|x_t)), mean over channels."""
    out = []
    for i, k in enumerate(t):
        c = x0.shape[1]
        eps, v = output[i, :c].astype(np.float64), output[i, c:].astype(np.float64)
        x0i, xti = x0[i].astype(np.float64), xt[i].astype(np.float64)
        # q: the posterior given the true x0.
        q_mean = s["c1"][k] * x0i + s["c2"][k] * xti
        q_log = s["log_var"][k]
        # p: x0 from the noise prediction, clipped; the posterior mean there; a learned log variance.
        x0_hat = np.clip(xti / np.sqrt(s["abar"][k]) - np.sqrt(1.0 / s["abar"][k] - 1.0) * eps, -1.0, 1.0)
        p_mean = s["c1"][k] * x0_hat + s["c2"][k] * xti
        f = (v + 1.0) / 2.0
        p_log = f * np.log(s["betas"][k]) + (1.0 - f) * s["log_var"][k]
        kl = 0.5 * (-1.0 + p_log - q_log + np.exp(q_log - p_log) + (q_mean - p_mean) ** 2 * np.exp(-p_log))
        out.append(kl.mean(axis=0))
    return np.stack(out)


def close(name, got, want, tol=1e-4):
    err = np.abs(got - want).max() / max(np.abs(want).max(), 1e-12)
    print(f"{name}: max relative difference {err:.2e}")
    return err <= tol


def main(path):
    d, meta = read_safetensors(path)
    steps = int(meta["steps"])
    betas = np.linspace(1e-4, 0.02, steps)
    s = schedule(betas)
    ok = close("betas", d["betas"], betas)
    ok &= close("alphas_cumprod", d["abar"], s["abar"])
    ok &= close("posterior variance", d["posterior_variance"], s["var"])

    # Respacing: evenly spaced steps keep abar there; betas follow from abar's ratios.
    count = int(meta["respaced"])
    kept = np.round(np.arange(count) * (steps - 1) / (count - 1)).astype(np.int64)
    ok &= bool(np.array_equal(d["respaced.steps"], kept))
    abar_kept = s["abar"][kept]
    respaced_betas = 1.0 - abar_kept / np.concatenate([[1.0], abar_kept[:-1]])
    ok &= close("respaced betas", d["respaced.betas"], respaced_betas)
    ok &= close("respaced alphas_cumprod", np.cumprod(1.0 - d["respaced.betas"]), abar_kept)

    x0, noise, t = d["x0"].astype(np.float64), d["noise"].astype(np.float64), d["t"]
    xt = np.sqrt(s["abar"][t])[:, None, None, None] * x0 + np.sqrt(1 - s["abar"][t])[:, None, None, None] * noise
    ok &= close("q(x_t | x0)", d["xt"], xt)
    ok &= close("KL map", d["kl"], kl_map(s, d["x0"], d["xt"], t, d["output"]))
    rs = schedule(respaced_betas)
    ok &= close("KL map, respaced", d["kl.respaced"], kl_map(rs, d["x0"], d["xt"], d["t.respaced"], d["output"]))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main(sys.argv[1])
