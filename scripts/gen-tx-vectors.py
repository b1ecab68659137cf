#!/usr/bin/env python3
"""Regenerates Tests/NodeTests/TransactionVectors.swift.

Each vector is a transaction signed by eth_account (the signer behind web3.py), so
the Swift tests check our codec against a standard Ethereum wallet library: the
raw bytes decode to the listed fields, re-encode byte for byte, hash to the listed
transaction hash, recover the listed sender, and our own signing of the same fields
with the same key gives the same raw bytes (RFC 6979 is deterministic).

Usage (from the repository root):
    python3 -m pip install eth-account
    python3 scripts/gen-tx-vectors.py

The keys are the first accounts of the public test mnemonic
`test test ... junk` (anvil/hardhat dev accounts): never use them for real funds.
"""

import pathlib

import eth_account
from eth_account import Account
from eth_account._utils.legacy_transactions import serializable_unsigned_transaction_from_dict
from eth_account.typed_transactions import TypedTransaction

DEV_KEY_0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"
DEV_KEY_1 = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"
DEV_KEY_2 = "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a"

# A share token's ERC-20 address and a recipient, used in the calldata below.
TOKEN = "0x5FbDB2315678afecb367f032d93F642f64180aa3"
RECIPIENT = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"


def erc20_transfer(to: str, amount: int) -> bytes:
    """transfer(address,uint256): selector 0xa9059cbb, then two ABI words."""
    return (bytes.fromhex("a9059cbb")
            + bytes(12) + bytes.fromhex(to[2:])
            + amount.to_bytes(32, "big"))


VECTORS = [
    ("legacy without chain id (pre-EIP-155, v = 27/28)", DEV_KEY_0, {
        "nonce": 0, "gasPrice": 20 * 10**9, "gas": 21000,
        "to": RECIPIENT, "value": 10**18, "data": b"",
    }),
    ("legacy EIP-155 on chain 1, ERC-20 transfer", DEV_KEY_1, {
        "chainId": 1, "nonce": 7, "gasPrice": 3 * 10**9, "gas": 60000,
        "to": TOKEN, "value": 0, "data": erc20_transfer(RECIPIENT, 25 * 10**18),
    }),
    ("legacy EIP-155 on the largest 64-bit chain id (v above 2^64)", DEV_KEY_2, {
        "chainId": 2**64 - 1, "nonce": 1, "gasPrice": 1, "gas": 21000,
        "to": RECIPIENT, "value": 1, "data": b"",
    }),
    ("EIP-2930 with an access list", DEV_KEY_0, {
        "type": 1, "chainId": 31337, "nonce": 3, "gasPrice": 875000000, "gas": 80000,
        "to": TOKEN, "value": 0, "data": erc20_transfer(RECIPIENT, 1),
        "accessList": [
            {"address": TOKEN, "storageKeys": [
                "0x" + "00" * 31 + "01",
                "0xb10e2d527612073b26eecdfd717e6a320cf44b4afac2b0732d9fcbe2b7fa0cf6",
            ]},
            {"address": RECIPIENT, "storageKeys": []},
        ],
    }),
    ("EIP-1559 ERC-20 transfer on chain 1", DEV_KEY_1, {
        "type": 2, "chainId": 1, "nonce": 42, "maxPriorityFeePerGas": 2 * 10**9,
        "maxFeePerGas": 30 * 10**9, "gas": 65000, "to": TOKEN, "value": 0,
        "data": erc20_transfer(RECIPIENT, 123456789 * 10**12), "accessList": [],
    }),
    ("EIP-1559 contract creation (empty to)", DEV_KEY_2, {
        "type": 2, "chainId": 31337, "nonce": 0, "maxPriorityFeePerGas": 1,
        "maxFeePerGas": 10**9, "gas": 100000, "value": 0,
        "data": bytes.fromhex("6080604052348015600f57600080fd5b50"), "accessList": [],
    }),
    ("EIP-1559 with every integer at its maximum", DEV_KEY_0, {
        "type": 2, "chainId": 2**64 - 1, "nonce": 2**64 - 1,
        "maxPriorityFeePerGas": 2**256 - 1, "maxFeePerGas": 2**256 - 1, "gas": 2**64 - 1,
        "to": RECIPIENT, "value": 2**256 - 1, "data": b"", "accessList": [],
    }),
]


def signing_hash(fields: dict) -> bytes:
    if "type" in fields:
        return TypedTransaction.from_dict(fields).hash()
    return serializable_unsigned_transaction_from_dict(fields).hash()


def swift_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def swift_optional(value) -> str:
    return "nil" if value is None else swift_string(str(value))


def hex0x(data: bytes) -> str:
    return "0x" + bytes(data).hex()


def vector_literal(name: str, key: str, fields: dict) -> str:
    signed = Account.sign_transaction(fields, key)
    sender = Account.from_key(key).address
    kind = fields.get("type", 0)
    access_list = ", ".join(
        "(" + swift_string(entry["address"].lower()) + ", ["
        + ", ".join(swift_string(k) for k in entry["storageKeys"]) + "])"
        for entry in fields.get("accessList", []))
    lines = [
        f"name: {swift_string(name)}",
        f"privateKey: {swift_string(key)}",
        f"raw: {swift_string(hex0x(signed.raw_transaction))}",
        f"hash: {swift_string(hex0x(signed.hash))}",
        f"signingHash: {swift_string(hex0x(signing_hash(fields)))}",
        f"sender: {swift_string(sender)}",
        f"type: {kind}",
        f"chainId: {fields['chainId'] if 'chainId' in fields else 'nil'}",
        f"nonce: {fields['nonce']}",
        f"gasPrice: {swift_optional(fields.get('gasPrice'))}",
        f"maxPriorityFeePerGas: {swift_optional(fields.get('maxPriorityFeePerGas'))}",
        f"maxFeePerGas: {swift_optional(fields.get('maxFeePerGas'))}",
        f"gasLimit: {fields['gas']}",
        f"to: {swift_optional(fields['to'].lower() if 'to' in fields else None)}",
        f"value: {swift_string(str(fields['value']))}",
        f"data: {swift_string(hex0x(fields['data']))}",
        f"accessList: [{access_list}]",
        f"v: {swift_string(str(signed.v))}",
        f"r: {swift_string(hex0x(signed.r.to_bytes(32, 'big')))}",
        f"s: {swift_string(hex0x(signed.s.to_bytes(32, 'big')))}",
    ]
    return "        TransactionVector(\n" + ",\n".join("            " + l for l in lines) + "),"


HEADER = f'''// Generated by scripts/gen-tx-vectors.py with eth-account {eth_account.__version__}.
// Do not edit by hand: change the script and rerun it.

import Testing

/// A transaction signed by eth_account (web3.py's signer) and what must be read from it.
/// Integers wider than 64 bits are decimal strings; byte strings are 0x-hex.
struct TransactionVector: Sendable, CustomTestStringConvertible {{
    let name: String
    let privateKey: String
    let raw: String
    let hash: String
    let signingHash: String
    let sender: String
    let type: UInt8
    let chainId: UInt64?
    let nonce: UInt64
    let gasPrice: String?
    let maxPriorityFeePerGas: String?
    let maxFeePerGas: String?
    let gasLimit: UInt64
    let to: String?
    let value: String
    let data: String
    let accessList: [(String, [String])]
    let v: String
    let r: String
    let s: String

    var testDescription: String {{ name }}
}}

extension TransactionVector {{
    static let all: [TransactionVector] = [
'''

FOOTER = '''    ]
}
'''


def main() -> None:
    out = pathlib.Path(__file__).resolve().parent.parent / "Tests/NodeTests/TransactionVectors.swift"
    body = "\n".join(vector_literal(*v) for v in VECTORS)
    out.write_text(HEADER + body + "\n" + FOOTER)
    print(f"wrote {len(VECTORS)} vectors to {out}")


if __name__ == "__main__":
    main()
