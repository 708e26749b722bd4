"""One boto3 client on one thread, timing S3 calls against an endpoint; prints one JSON line.

Used by `overcast-bench endpoint` against Overcast, a do-nothing server with canned replies, and moto.
    endpoint_client.py URL put BUCKET COUNT [START_AT]   COUNT PutObjects of 1 KiB (START_AT: wall-clock start, for concurrent runs)
    endpoint_client.py URL list BUCKET PREFIX            every page of ListObjectsV2 under PREFIX
    endpoint_client.py URL get BUCKET KEY                one GetObject read to the end
    endpoint_client.py URL putbig BUCKET SIZE            one PutObject of SIZE bytes (boto3's default: aws-chunked with a CRC32 trailer)
"""
import json
import sys
import time

import boto3
from botocore.config import Config

url, mode, bucket = sys.argv[1], sys.argv[2], sys.argv[3]
s3 = boto3.client("s3", endpoint_url=url, region_name="us-east-1",
                  config=Config(retries={"max_attempts": 1}, max_pool_connections=1))
body = b"x" * 1024
# The first call opens the connection and loads the service model: not part of any figure.
s3.put_object(Bucket=bucket, Key="warm-up", Body=body)

if mode == "put":
    count = int(sys.argv[4])
    if len(sys.argv) > 5:
        time.sleep(max(0.0, float(sys.argv[5]) - time.time()))
    prefix = "put-%d/" % (int(time.time() * 1e6) % 1000000)
    start = time.perf_counter()
    for index in range(count):
        s3.put_object(Bucket=bucket, Key="%s%d" % (prefix, index), Body=body)
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "count": count, "ended_at": time.time()}))
elif mode == "list":
    start = time.perf_counter()
    keys = 0
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=sys.argv[4]):
        keys += len(page.get("Contents", []))
    print(json.dumps({"seconds": time.perf_counter() - start, "keys": keys}))
elif mode == "putbig":
    data = b"\1" * int(sys.argv[4])
    start = time.perf_counter()
    s3.put_object(Bucket=bucket, Key="put-big", Body=data)
    print(json.dumps({"seconds": time.perf_counter() - start, "bytes": len(data)}))
elif mode == "get":
    start = time.perf_counter()
    stream = s3.get_object(Bucket=bucket, Key=sys.argv[4])["Body"]
    size = 0
    while True:
        piece = stream.read(1 << 20)
        if not piece:
            break
        size += len(piece)
    print(json.dumps({"seconds": time.perf_counter() - start, "bytes": size}))
