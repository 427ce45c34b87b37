"""Pure computation behind the dashboard: no Streamlit import anywhere in this package.

Modules:
    info    -- information content, entropy, cross-entropy, KL divergence on discrete distributions.
    charts  -- Altair chart builders fed by the numbers computed in ``info``.
"""
